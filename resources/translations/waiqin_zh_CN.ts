<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>Record</source>
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
</context>
<context>
    <name>CustomerForm</name>
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
    <name>PrivacyCurtain</name>
    <message>
        <source>Customer data is hidden while privacy mode is on (Ctrl+Shift+H to show).</source>
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
        <source>the two passphrases differ</source>
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
