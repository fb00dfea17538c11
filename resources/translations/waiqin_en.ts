<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CollectionsPage</name>
    <message>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter receivables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for voiding the selected receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect money…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect this bill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open receivables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} receipts, collected ¥{total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number} issued: ¥{amount} ({words}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a receipt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number} voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing {number}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Product quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice / payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer complained about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or type the right value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved data is safe. If this happens again, send the log file to support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerFile</name>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes and orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerFileDialog</name>
    <message>
        <source>Customer file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in / record visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record complaint…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential (1-5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored your unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible duplicate of: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Choose a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone, code or pinyin initials</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Search by name, phone, code or pinyin initials (e.g. zs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade {grade}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo workspace (synthetic data): {path} — passphrase: {passphrase}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product code, name or pinyin initials; Enter adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal (ex tax)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored your unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No product found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {number}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Waiqin is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer data stays hidden until you unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase or PIN.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes &amp; orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiqin field sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide customer lists while presenting to a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Quotes &amp; orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by number, customer or status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote → order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number}: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order draft {number} created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photos yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a visit first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyCurtain</name>
    <message>
        <source>Customer data is hidden while privacy mode is on (Ctrl+Shift+H to show).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code, name or pinyin initials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Collect money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bill settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In capitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Daily sales report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print daily report (PDF + Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print route sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits done / planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups done / due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits by grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems and solutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tomorrow&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt copies per page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace unlocks with its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (with the key in the system keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsynced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup {name} written and verified.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Offline (not signed in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsynced changes: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to {url} as {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in. Everything works offline; log in to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict inbox ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the server ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync finished in {s:.1f} s: sent {pushed}, received {pulled}, merged {merged}, conflicts {conflicts}, rejected {rejected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled; what was done is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose of the next stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add stop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s visit plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, {date}: {done} of {n} stops visited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsynced changes: {n} · Last sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due ({n}, {late} overdue) {by_grade}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customers near the 7-day first-contact limit ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue receivables ({n}, {amount})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelf display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor=price; up to three</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price tags correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Choose the customer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note to the selected finished visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos of the selected visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and check out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit record (check in first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit at {customer}, checked in {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>The new backup failed its check and was discarded ({problem}). Earlier backups are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second backup folder {folder} is not available (USB stick not plugged in, network share offline?). The local backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough free disk space in {folder}. Nothing was lost: your data and earlier backups are unchanged. Free some space or choose another folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write to {folder} ({reason}). Nothing was lost: your data and earlier backups are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete backup: it has no manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup&apos;s manifest is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup&apos;s manifest is damaged or of an unknown format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database in the backup is damaged: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table {table} holds {got} records but the manifest says {want}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest&apos;s {item} does not match the backup&apos;s content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete backup: {file} is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup named {name} in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No good backup found in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {name} failed verification ({problem}). Nothing was changed; choose another backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy of the backup differs from the original. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup belongs to another workspace. Restore it into a new folder instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} already holds a workspace; choose an empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is truncated or incomplete: {size} bytes instead of {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is damaged: its checksum does not match the one recorded when the backup was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup cannot be opened with this workspace&apos;s key (made with another passphrase?), or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Waiqin export file, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase for this export file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export file was changed or damaged after it was written; it cannot be trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {when} into {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state before the restore was saved as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous database could not be read; it was kept in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made after the backup could not be listed. Synchronise to get back everything the server has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changes made after the backup are already on the server; they come back with the next synchronisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unsynchronised change was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} changes made after the backup never reached the server and must be entered again ({detail}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Waiqin workspace or backup in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Unexpected error ({kind}); details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup {name} written and verified ({size}, {records} records).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one with --export-passphrase-stdin or $WAIQIN_EXPORT_PASSPHRASE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} unsynced changes written to {file} (encrypted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No second backup folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second backup folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your passphrase (not stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available on this computer: choose a passphrase (--passphrase-stdin or WAIQIN_PASSPHRASE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace created in {path} (device {device}, key in {mode}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counts cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeded in {seconds:.1f} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key kept in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsynced changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records per table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({seconds:.2f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a date; write it as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>db</name>
    <message>
        <source>Cannot open the workspace database: wrong passphrase or key, or the file is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace was made by a newer version of Waiqin (schema {rev}). Please update Waiqin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>The document font cannot print these characters: {chars}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retail outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery and collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted (to sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot be reached. Your work is kept; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error ({kind}); details are in the log. Your data is safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>orders</name>
    <message>
        <source>Only a draft order can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order cannot go from {old} to {new}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outbox</name>
    <message>
        <source>Records are never erased here; they are marked deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finished record cannot be changed; add a correcting note instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plans</name>
    <message>
        <source>The plan changed meanwhile; reload it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>No quote has the id or number {ref}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt has the id or number {ref}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No order has the id or number {ref}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No customer has the id or code {ref}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(free gift)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the lead time before printing the quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt {number}: the amount in figures and in words disagree; it cannot be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no visit plan for {day}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quotes</name>
    <message>
        <source>A declined quote cannot become an order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a draft quote can be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quote cannot go from {old} to {new}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>receipts</name>
    <message>
        <source>No receipt numbers are left on this laptop. Sync with the server to receive a new receipt book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This receipt is already voided.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>{product}: ordered {quantity}, only {stock} in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit {limit}: owed {outstanding} + order {total}; needs approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product}: price {price} is below the minimum {min}; needs approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product}: price {price} is above the maximum {max}; needs approval.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>security</name>
    <message>
        <source>must be at least {n} characters long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key in the keyring is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seed</name>
    <message>
        <source>This workspace already has customers; seed an empty one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>This record does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rating from 1 to 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bank account has 8 to 30 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {code} {name} already has this credit code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one product line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product is not in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quote is not one of this customer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact is not at this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the money was paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bill is not one of this customer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is more than the {open} still open on the bill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order is not one of this customer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for voiding the receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Chinese or English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The idle lock is 0 (off) to 240 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A page holds 1, 2 or 3 receipt copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose on site or phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stop is for another customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose good, fair or poor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facings are 0 to 999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the stage reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-out cannot be before check-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the contact&apos;s role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the complaint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit is not one of this customer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how it was resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer is planned twice on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {name} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is {size} MB; at most {limit} MB is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit photo must be a PNG or JPEG image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a PNG or JPEG image or a PDF document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file grew past {limit} MB while copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files cannot be attached here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file of this attachment is not on this computer yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>The server&apos;s certificate could not be verified. Check the address or the CA bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the sync server at {url}. Check the network and try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiqin and the sync server versions do not match: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the login: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server has a problem ({status}): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server refused the request: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushed {pushed}, pulled {pulled}, merged {merged}, conflicts {conflicts}, rejected {rejected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in. Log in to the server first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in as {name} ({username}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} conflict(s) wait in the conflict inbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose local, remote or a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such conflict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conflict is already resolved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>The grade must be A, B, C, D or E.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades A, B and C need an expected close date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade {grade} does not fit the expected close date (grade {implied}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An amount can have at most 2 decimals (fen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount cannot exceed {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 13 to 19.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a landline with its area code, e.g. 021-12345678.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline with its area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discount cannot exceed the amount before tax.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tax rate must be one of {rates}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ID number has 17 digits followed by a digit or X.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date in the ID number is invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number is mistyped: its check character does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a credit code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A credit code has 18 characters: digits and capital letters except I, O, S, V, Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are the region digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credit code is mistyped: its check character does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be more than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity cannot exceed 1,000,000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quantity can have at most 3 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A unit price can have at most 4 decimals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount is a percentage from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number of days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead time must be at least 1 day: same-day shipping is no lead time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead time cannot exceed 365 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The potential is a score from 1 to 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date cannot be before {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date cannot be after {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This day does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date like 2026-11-22 or 2026年11月22日.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the control characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>visits</name>
    <message>
        <source>This visit is finished; add a note to correct or complete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check out of the open visit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <source>No Waiqin workspace in {path}. Create one with init.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace file {file} is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace was made by a newer version of Waiqin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is protected by a passphrase. Type it, or pass --passphrase-stdin or set WAIQIN_PASSPHRASE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key of this workspace is not in the system keyring (another user or another computer?). Restore it or use a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown key mode in the workspace file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace already exists in {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available on this computer: choose a passphrase (--passphrase-stdin or WAIQIN_PASSPHRASE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace needs a schema upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
