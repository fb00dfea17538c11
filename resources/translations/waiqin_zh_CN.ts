<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CollectionsPage</name>
    <message>
        <source>Collections</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未收</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Filter receivables</source>
        <translation>筛选应收款</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Void reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Reason for voiding the selected receipt</source>
        <translation>作废所选收据的原因</translation>
    </message>
    <message>
        <source>Collect money…</source>
        <translation>收款…</translation>
    </message>
    <message>
        <source>Collect this bill…</source>
        <translation>收取此笔应收…</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印收据</translation>
    </message>
    <message>
        <source>Open receivables</source>
        <translation>未结应收款</translation>
    </message>
    <message>
        <source>Receipts of</source>
        <translation>收据日期</translation>
    </message>
    <message>
        <source>{n} receipts, collected ¥{total}</source>
        <translation>{n} 张收据，共收 ¥{total}</translation>
    </message>
    <message>
        <source>Receipt {number} issued: ¥{amount} ({words}).</source>
        <translation>已开具收据 {number}：¥{amount}（{words}）。</translation>
    </message>
    <message>
        <source>Select a receipt first.</source>
        <translation>请先选择一张收据。</translation>
    </message>
    <message>
        <source>Receipt {number} voided.</source>
        <translation>收据 {number} 已作废。</translation>
    </message>
    <message>
        <source>Printing {number}…</source>
        <translation>正在打印 {number}…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>送货</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Invoice / payment</source>
        <translation>发票 / 付款</translation>
    </message>
    <message>
        <source>Record complaint</source>
        <translation>记录投诉</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>反馈日期</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What the customer complained about</source>
        <translation>客户投诉的内容</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Resolve conflict</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器的值</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留本机的值</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>采用服务器的值</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>使用此值</translation>
    </message>
    <message>
        <source>Or type the right value</source>
        <translation>或输入正确的值</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <source>Your saved data is safe. If this happens again, send the log file to support.</source>
        <translation>已保存的数据是安全的。如果再次出现，请将日志文件发送给技术支持。</translation>
    </message>
</context>
<context>
    <name>CustomerFile</name>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit history</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Quotes and orders</source>
        <translation>报价单和订单</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未收</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收据</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>CustomerFileDialog</name>
    <message>
        <source>Customer file</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Check in / record visit</source>
        <translation>签到 / 记录拜访</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Collect money</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Edit contact…</source>
        <translation>编辑联系人…</translation>
    </message>
    <message>
        <source>Record complaint…</source>
        <translation>记录投诉…</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Intention</source>
        <translation>意向类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>客户来源</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>经营属地</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Credit limit (yuan)</source>
        <translation>信用额度（元）</translation>
    </message>
    <message>
        <source>Potential (1-5)</source>
        <translation>潜力评分（1-5）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Restored your unsaved changes.</source>
        <translation>已恢复您未保存的内容。</translation>
    </message>
    <message>
        <source>Possible duplicate of: {names}</source>
        <translation>可能与以下客户重复：{names}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>经营属地</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Choose a customer</source>
        <translation>选择客户</translation>
    </message>
    <message>
        <source>Name, phone, code or pinyin initials</source>
        <translation>名称、电话、编码或拼音首字母</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Search by name, phone, code or pinyin initials (e.g. zs)</source>
        <translation>按名称、电话、编码或拼音首字母搜索（如 zs）</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Grade {grade}</source>
        <translation>{grade} 级</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>{n} 个客户</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo workspace (synthetic data): {path} — passphrase: {passphrase}</source>
        <translation>演示工作区（模拟数据）：{path} — 密码：{passphrase}</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Order draft</source>
        <translation>订单草稿</translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>Choose customer…</source>
        <translation>选择客户…</translation>
    </message>
    <message>
        <source>Product code, name or pinyin initials; Enter adds</source>
        <translation>产品编码、名称或拼音首字母，回车添加</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除明细行</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Delivery terms</source>
        <translation>交货条件</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>交货期（天）</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <source>Delivery address</source>
        <translation>送货地址</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Subtotal (ex tax)</source>
        <translation>小计（不含税）</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <source>Save and submit</source>
        <translation>保存并提交</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Restored your unsaved changes.</source>
        <translation>已恢复您未保存的内容。</translation>
    </message>
    <message>
        <source>No product found</source>
        <translation>未找到产品</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>Saved as {number}.</source>
        <translation>已保存为 {number}。</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>赠品</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Waiqin is locked</source>
        <translation>外勤已锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Workspace passphrase</source>
        <translation>工作区密码</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Customer data stays hidden until you unlock.</source>
        <translation>解锁前客户数据保持隐藏。</translation>
    </message>
    <message>
        <source>Wrong passphrase or PIN.</source>
        <translation>密码或 PIN 码错误。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to the server</source>
        <translation>登录服务器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Quotes &amp; orders</source>
        <translation>报价与订单</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Waiqin field sales</source>
        <translation>外勤销售</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建拜访</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Hide customer lists while presenting to a customer</source>
        <translation>向客户演示时隐藏客户列表</translation>
    </message>
    <message>
        <source>This page is not available in this build.</source>
        <translation>此版本不提供该页面。</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Quotes &amp; orders</source>
        <translation>报价与订单</translation>
    </message>
    <message>
        <source>Filter by number, customer or status</source>
        <translation>按编号、客户或状态筛选</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>New quote</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Quote → order</source>
        <translation>报价单转订单</translation>
    </message>
    <message>
        <source>Order {number}: {status}</source>
        <translation>订单 {number}：{status}</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Order draft {number} created.</source>
        <translation>已创建订单草稿 {number}。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Workspace: {path}</source>
        <translation>工作区：{path}</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.png *.jpg *.jpeg)</source>
        <translation>照片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>No photos yet</source>
        <translation>暂无照片</translation>
    </message>
    <message>
        <source>not here</source>
        <translation>未下载</translation>
    </message>
    <message>
        <source>Choose a visit first</source>
        <translation>请先选择一次拜访</translation>
    </message>
</context>
<context>
    <name>PrivacyCurtain</name>
    <message>
        <source>Customer data is hidden while privacy mode is on (Ctrl+Shift+H to show).</source>
        <translation>隐私模式已开启，客户数据已隐藏（按 Ctrl+Shift+H 显示）。</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Code, name or pinyin initials</source>
        <translation>编码、名称或拼音首字母</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标准价</translation>
    </message>
    <message>
        <source>Minimum price</source>
        <translation>最低价</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Stock as of</source>
        <translation>库存更新时间</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>{n} products</source>
        <translation>{n} 个产品</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Collect money</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>Choose customer…</source>
        <translation>选择客户…</translation>
    </message>
    <message>
        <source>Bill settled</source>
        <translation>结算单据</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>In capitals</source>
        <translation>人民币大写</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>For</source>
        <translation>款项用途</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Issue receipt</source>
        <translation>开具收据</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Daily sales report</source>
        <translation>销售日报</translation>
    </message>
    <message>
        <source>Print daily report (PDF + Excel)</source>
        <translation>打印日报（PDF + Excel）</translation>
    </message>
    <message>
        <source>Print route sheet</source>
        <translation>打印拜访路线单</translation>
    </message>
    <message>
        <source>Visits done / planned</source>
        <translation>已拜访 / 计划</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Follow-ups done / due</source>
        <translation>已跟进 / 应跟进</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>遇到问题</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Visits by grade</source>
        <translation>按等级统计拜访</translation>
    </message>
    <message>
        <source>Problems and solutions</source>
        <translation>问题与解决方案</translation>
    </message>
    <message>
        <source>Tomorrow&apos;s plan</source>
        <translation>明日计划</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>空闲自动锁定</translation>
    </message>
    <message>
        <source>Receipt copies per page</source>
        <translation>每页收据联数</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁方式</translation>
    </message>
    <message>
        <source>This workspace unlocks with its passphrase.</source>
        <translation>此工作区使用工作区密码解锁。</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <source>PIN (with the key in the system keyring)</source>
        <translation>PIN 码（配合系统钥匙串中的密钥）</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>备份原因</translation>
    </message>
    <message>
        <source>Size (KB)</source>
        <translation>大小（KB）</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Unsynced</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>PIN saved.</source>
        <translation>PIN 码已保存。</translation>
    </message>
    <message>
        <source>Backup {name} written and verified.</source>
        <translation>备份 {name} 已写入并校验通过。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Offline (not signed in)</source>
        <translation>离线（未登录）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Unsynced changes: {n}</source>
        <translation>未同步更改：{n}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>本机的值</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器的值</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更序号</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Signed in to {url} as {user}</source>
        <translation>已登录 {url}，用户 {user}</translation>
    </message>
    <message>
        <source>Not signed in. Everything works offline; log in to sync.</source>
        <translation>未登录。所有功能均可离线使用；登录后即可同步。</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>上次同步：{when}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Conflict inbox ({n})</source>
        <translation>冲突待处理（{n}）</translation>
    </message>
    <message>
        <source>Rejected by the server ({n})</source>
        <translation>服务器驳回（{n}）</translation>
    </message>
    <message>
        <source>Logged in.</source>
        <translation>已登录。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Sync finished in {s:.1f} s: sent {pushed}, received {pulled}, merged {merged}, conflicts {conflicts}, rejected {rejected}.</source>
        <translation>同步完成，用时 {s:.1f} 秒：上传 {pushed}，下载 {pulled}，合并 {merged}，冲突 {conflicts}，驳回 {rejected}。</translation>
    </message>
    <message>
        <source>Sync cancelled; what was done is kept.</source>
        <translation>同步已取消，已完成的部分已保留。</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <source>Purpose of the next stop</source>
        <translation>下一站的拜访目的</translation>
    </message>
    <message>
        <source>Add stop…</source>
        <translation>添加拜访…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Customer file</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Today&apos;s visit plan</source>
        <translation>今日拜访计划</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Contact by</source>
        <translation>最晚联系日期</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未收</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Today, {date}: {done} of {n} stops visited</source>
        <translation>今日 {date}：已拜访 {done}/{n} 家</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Unsynced changes: {n} · Last sync: {when}</source>
        <translation>未同步更改：{n} · 上次同步：{when}</translation>
    </message>
    <message>
        <source>Follow-ups due ({n}, {late} overdue) {by_grade}</source>
        <translation>待跟进客户（{n}，其中逾期 {late}） {by_grade}</translation>
    </message>
    <message>
        <source>New customers near the 7-day first-contact limit ({n})</source>
        <translation>临近 7 天首次联系期限的新客户（{n}）</translation>
    </message>
    <message>
        <source>Overdue receivables ({n}, {amount})</source>
        <translation>逾期应收款（{n}，{amount}）</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>较差</translation>
    </message>
    <message>
        <source>Stage reached</source>
        <translation>拜访阶段</translation>
    </message>
    <message>
        <source>Person met</source>
        <translation>接待人</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>决策人</translation>
    </message>
    <message>
        <source>Makes the decision</source>
        <translation>此人有决策权</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>遇到问题</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Shelf display</source>
        <translation>货架陈列</translation>
    </message>
    <message>
        <source>Facings</source>
        <translation>排面数</translation>
    </message>
    <message>
        <source>Competitor=price; up to three</source>
        <translation>竞品=价格；最多三个</translation>
    </message>
    <message>
        <source>Competitor prices</source>
        <translation>竞品价格</translation>
    </message>
    <message>
        <source>Price tags</source>
        <translation>价签</translation>
    </message>
    <message>
        <source>Price tags correct</source>
        <translation>价签正确</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Follow-up reason</source>
        <translation>跟进事由</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Add a note to the selected finished visit</source>
        <translation>为所选已完成的拜访添加备注</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Photos of the selected visit</source>
        <translation>所选拜访的照片</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Choose customer…</source>
        <translation>选择客户…</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Save and check out</source>
        <translation>保存并签退</translation>
    </message>
    <message>
        <source>Visit record (check in first)</source>
        <translation>拜访记录（请先签到）</translation>
    </message>
    <message>
        <source>Visit at {customer}, checked in {time}</source>
        <translation>拜访 {customer}，{time} 签到</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Checked out.</source>
        <translation>已签退。</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>备注已添加。</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>The new backup failed its check and was discarded ({problem}). Earlier backups are unchanged.</source>
        <translation>新备份未通过校验，已丢弃（{problem}）。之前的备份未受影响。</translation>
    </message>
    <message>
        <source>The second backup folder {folder} is not available (USB stick not plugged in, network share offline?). The local backup was made.</source>
        <translation>第二备份文件夹 {folder} 不可用（U 盘未插入或网络共享离线？）。本地备份已完成。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>Not enough free disk space in {folder}. Nothing was lost: your data and earlier backups are unchanged. Free some space or choose another folder, then try again.</source>
        <translation>{folder} 磁盘空间不足。没有丢失任何数据：您的数据和之前的备份均未改变。请释放空间或选择其他文件夹后重试。</translation>
    </message>
    <message>
        <source>Could not write to {folder} ({reason}). Nothing was lost: your data and earlier backups are unchanged.</source>
        <translation>无法写入 {folder}（{reason}）。没有丢失任何数据：您的数据和之前的备份均未改变。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Incomplete backup: it has no manifest.</source>
        <translation>备份不完整：缺少清单文件。</translation>
    </message>
    <message>
        <source>The backup&apos;s manifest is damaged.</source>
        <translation>备份的清单文件已损坏。</translation>
    </message>
    <message>
        <source>The backup&apos;s manifest is damaged or of an unknown format.</source>
        <translation>备份的清单文件已损坏或格式未知。</translation>
    </message>
    <message>
        <source>The database in the backup is damaged: {detail}</source>
        <translation>备份中的数据库已损坏：{detail}</translation>
    </message>
    <message>
        <source>Table {table} holds {got} records but the manifest says {want}.</source>
        <translation>表 {table} 有 {got} 条记录，但清单记载为 {want} 条。</translation>
    </message>
    <message>
        <source>The manifest&apos;s {item} does not match the backup&apos;s content.</source>
        <translation>清单中的 {item} 与备份内容不符。</translation>
    </message>
    <message>
        <source>Incomplete backup: {file} is missing.</source>
        <translation>备份不完整：缺少 {file}。</translation>
    </message>
    <message>
        <source>No backup named {name} in {folder}.</source>
        <translation>{folder} 中没有名为 {name} 的备份。</translation>
    </message>
    <message>
        <source>No good backup found in {folder}.</source>
        <translation>{folder} 中没有可用的备份。</translation>
    </message>
    <message>
        <source>The backup {name} failed verification ({problem}). Nothing was changed; choose another backup.</source>
        <translation>备份 {name} 未通过校验（{problem}）。未做任何更改，请选择其他备份。</translation>
    </message>
    <message>
        <source>The copy of the backup differs from the original. Nothing was changed.</source>
        <translation>备份副本与原件不一致，未做任何更改。</translation>
    </message>
    <message>
        <source>This backup belongs to another workspace. Restore it into a new folder instead.</source>
        <translation>此备份属于另一个工作区，请恢复到新文件夹。</translation>
    </message>
    <message>
        <source>{path} already holds a workspace; choose an empty folder.</source>
        <translation>{path} 中已有工作区，请选择空文件夹。</translation>
    </message>
    <message>
        <source>{file} is truncated or incomplete: {size} bytes instead of {expected}.</source>
        <translation>{file} 被截断或不完整：{size} 字节，应为 {expected} 字节。</translation>
    </message>
    <message>
        <source>{file} is damaged: its checksum does not match the one recorded when the backup was made.</source>
        <translation>{file} 已损坏：校验和与备份时记录的不一致。</translation>
    </message>
    <message>
        <source>The backup cannot be opened with this workspace&apos;s key (made with another passphrase?), or it is damaged.</source>
        <translation>无法用此工作区的密钥打开该备份（是否使用了其他密码？），或备份已损坏。</translation>
    </message>
    <message>
        <source>This is not a Waiqin export file, or it is damaged.</source>
        <translation>这不是外勤导出文件，或文件已损坏。</translation>
    </message>
    <message>
        <source>Wrong passphrase for this export file.</source>
        <translation>导出文件的密码错误。</translation>
    </message>
    <message>
        <source>The export file was changed or damaged after it was written; it cannot be trusted.</source>
        <translation>导出文件在写入后被修改或损坏，不可信任。</translation>
    </message>
    <message>
        <source>Restored the backup of {when} into {target}.</source>
        <translation>已将 {when} 的备份恢复到 {target}。</translation>
    </message>
    <message>
        <source>The state before the restore was saved as {name}.</source>
        <translation>恢复前的状态已保存为 {name}。</translation>
    </message>
    <message>
        <source>The previous database could not be read; it was kept in {path}.</source>
        <translation>无法读取原数据库，已保留在 {path}。</translation>
    </message>
    <message>
        <source>Changes made after the backup could not be listed. Synchronise to get back everything the server has.</source>
        <translation>无法列出备份之后的更改。请同步以取回服务器上的全部数据。</translation>
    </message>
    <message>
        <source>{n} changes made after the backup are already on the server; they come back with the next synchronisation.</source>
        <translation>备份之后的 {n} 项更改已在服务器上，下次同步时会取回。</translation>
    </message>
    <message>
        <source>No unsynchronised change was lost.</source>
        <translation>没有丢失任何未同步的更改。</translation>
    </message>
    <message>
        <source>{n} changes made after the backup never reached the server and must be entered again ({detail}):</source>
        <translation>备份之后的 {n} 项更改未上传到服务器，需要重新录入（{detail}）：</translation>
    </message>
    <message>
        <source>No Waiqin workspace or backup in {path}.</source>
        <translation>{path} 中没有外勤工作区或备份。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Unexpected error ({kind}); details are in the log.</source>
        <translation>意外错误（{kind}），详情见日志。</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>已中断。</translation>
    </message>
    <message>
        <source>Backup {name} written and verified ({size}, {records} records).</source>
        <translation>备份 {name} 已写入并校验通过（{size}，{records} 条记录）。</translation>
    </message>
    <message>
        <source>Copied to {path}.</source>
        <translation>已复制到 {path}。</translation>
    </message>
    <message>
        <source>No backups in {folder}.</source>
        <translation>{folder} 中没有备份。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>the two passphrases differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>give one with --export-passphrase-stdin or $WAIQIN_EXPORT_PASSPHRASE</source>
        <translation>请通过 --export-passphrase-stdin 或 $WAIQIN_EXPORT_PASSPHRASE 提供</translation>
    </message>
    <message>
        <source>{n} unsynced changes written to {file} (encrypted).</source>
        <translation>已将 {n} 项未同步更改写入 {file}（已加密）。</translation>
    </message>
    <message>
        <source>No second backup folder.</source>
        <translation>未设置第二备份文件夹。</translation>
    </message>
    <message>
        <source>Second backup folder: {folder}</source>
        <translation>第二备份文件夹：{folder}</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <source>your passphrase (not stored)</source>
        <translation>您的密码（不保存）</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer: choose a passphrase (--passphrase-stdin or WAIQIN_PASSPHRASE).</source>
        <translation>此电脑没有可用的系统钥匙串：请设置密码（--passphrase-stdin 或 WAIQIN_PASSPHRASE）。</translation>
    </message>
    <message>
        <source>Workspace created in {path} (device {device}, key in {mode}).</source>
        <translation>已在 {path} 创建工作区（设备 {device}，密钥来自{mode}）。</translation>
    </message>
    <message>
        <source>counts cannot be negative</source>
        <translation>数量不能为负数</translation>
    </message>
    <message>
        <source>Seeded in {seconds:.1f} s.</source>
        <translation>已生成演示数据，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>数据结构版本</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>设备代码</translation>
    </message>
    <message>
        <source>Key kept in</source>
        <translation>密钥来源</translation>
    </message>
    <message>
        <source>Unsynced changes</source>
        <translation>未同步更改</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Records per table:</source>
        <translation>各表记录数：</translation>
    </message>
    <message>
        <source>({seconds:.2f} s)</source>
        <translation>（{seconds:.2f} 秒）</translation>
    </message>
    <message>
        <source>{value} is not a date; write it as YYYY-MM-DD.</source>
        <translation>{value} 不是日期，请按 YYYY-MM-DD 格式填写。</translation>
    </message>
</context>
<context>
    <name>db</name>
    <message>
        <source>Cannot open the workspace database: wrong passphrase or key, or the file is damaged.</source>
        <translation>无法打开工作区数据库：密码或密钥错误，或文件已损坏。</translation>
    </message>
    <message>
        <source>This workspace was made by a newer version of Waiqin (schema {rev}). Please update Waiqin.</source>
        <translation>此工作区由更新版本的外勤创建（结构版本 {rev}），请升级外勤。</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>The document font cannot print these characters: {chars}</source>
        <translation>文档字体无法打印这些字符：{chars}</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Dealer</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>Retail outlet</source>
        <translation>零售终端</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>KA 大客户</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>直接型</translation>
    </message>
    <message>
        <source>Indirect</source>
        <translation>间接型</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在型</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>互联网</translation>
    </message>
    <message>
        <source>Cold visit</source>
        <translation>陌生拜访</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Decision maker</source>
        <translation>决策人</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>关键人</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>初访</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Delivery and collection</source>
        <translation>送货收款</translation>
    </message>
    <message>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>访前准备</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>观察分析</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>开场白</translation>
    </message>
    <message>
        <source>Product presentation</source>
        <translation>产品介绍</translation>
    </message>
    <message>
        <source>Handling objections</source>
        <translation>处理拒绝意见</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>促成</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted (to sync)</source>
        <translation>已提交（待同步）</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>部分付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your work is kept; try again later.</source>
        <translation>无法连接服务器。您的工作已保留，请稍后重试。</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}); details are in the log. Your data is safe.</source>
        <translation>意外错误（{kind}），详情见日志。您的数据是安全的。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>交货期</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力评分</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>付款人</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细行</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Delivery terms</source>
        <translation>交货条件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>orders</name>
    <message>
        <source>Only a draft order can be changed.</source>
        <translation>只有草稿订单可以修改。</translation>
    </message>
    <message>
        <source>An order cannot go from {old} to {new}.</source>
        <translation>订单不能从“{old}”变为“{new}”。</translation>
    </message>
</context>
<context>
    <name>outbox</name>
    <message>
        <source>Records are never erased here; they are marked deleted.</source>
        <translation>此处不会真正删除记录，只会标记为已删除。</translation>
    </message>
    <message>
        <source>A finished record cannot be changed; add a correcting note instead.</source>
        <translation>已完成的记录不能修改，请添加更正备注。</translation>
    </message>
</context>
<context>
    <name>plans</name>
    <message>
        <source>The plan changed meanwhile; reload it.</source>
        <translation>计划已被修改，请重新加载。</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>No quote has the id or number {ref}.</source>
        <translation>没有编号为 {ref} 的报价单。</translation>
    </message>
    <message>
        <source>No receipt has the id or number {ref}.</source>
        <translation>没有编号为 {ref} 的收据。</translation>
    </message>
    <message>
        <source>No order has the id or number {ref}.</source>
        <translation>没有编号为 {ref} 的订单。</translation>
    </message>
    <message>
        <source>No customer has the id or code {ref}.</source>
        <translation>没有编码为 {ref} 的客户。</translation>
    </message>
    <message>
        <source>(free gift)</source>
        <translation>（赠品）</translation>
    </message>
    <message>
        <source>Set the lead time before printing the quote.</source>
        <translation>打印报价单前请先填写交货期。</translation>
    </message>
    <message>
        <source>Receipt {number}: the amount in figures and in words disagree; it cannot be printed.</source>
        <translation>收据 {number}：小写金额与大写金额不一致，无法打印。</translation>
    </message>
    <message>
        <source>There is no visit plan for {day}.</source>
        <translation>{day} 没有拜访计划。</translation>
    </message>
</context>
<context>
    <name>quotes</name>
    <message>
        <source>A declined quote cannot become an order.</source>
        <translation>已拒绝的报价单不能转为订单。</translation>
    </message>
    <message>
        <source>Only a draft quote can be edited.</source>
        <translation>只有草稿报价单可以编辑。</translation>
    </message>
    <message>
        <source>A quote cannot go from {old} to {new}.</source>
        <translation>报价单不能从“{old}”变为“{new}”。</translation>
    </message>
</context>
<context>
    <name>receipts</name>
    <message>
        <source>No receipt numbers are left on this laptop. Sync with the server to receive a new receipt book.</source>
        <translation>本机收据号已用完。请与服务器同步以领取新的收据号段。</translation>
    </message>
    <message>
        <source>This receipt is already voided.</source>
        <translation>此收据已作废。</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>{product}: ordered {quantity}, only {stock} in stock.</source>
        <translation>{product}：订购 {quantity}，库存仅 {stock}。</translation>
    </message>
    <message>
        <source>Credit limit {limit}: owed {outstanding} + order {total}; needs approval.</source>
        <translation>信用额度 {limit}：欠款 {outstanding} + 本单 {total}，需要审批。</translation>
    </message>
    <message>
        <source>{product}: price {price} is below the minimum {min}; needs approval.</source>
        <translation>{product}：价格 {price} 低于最低价 {min}，需要审批。</translation>
    </message>
    <message>
        <source>{product}: price {price} is above the maximum {max}; needs approval.</source>
        <translation>{product}：价格 {price} 高于最高价 {max}，需要审批。</translation>
    </message>
</context>
<context>
    <name>security</name>
    <message>
        <source>must be at least {n} characters long</source>
        <translation>至少需要 {n} 个字符</translation>
    </message>
    <message>
        <source>The key in the keyring is damaged.</source>
        <translation>钥匙串中的密钥已损坏。</translation>
    </message>
</context>
<context>
    <name>seed</name>
    <message>
        <source>This workspace already has customers; seed an empty one.</source>
        <translation>此工作区已有客户，请对空工作区生成演示数据。</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>This record does not exist (any more).</source>
        <translation>此记录不存在（或已删除）。</translation>
    </message>
    <message>
        <source>Choose one of the listed values.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Choose the kind of customer.</source>
        <translation>请选择客户类型。</translation>
    </message>
    <message>
        <source>A rating from 1 to 5.</source>
        <translation>评分为 1 到 5。</translation>
    </message>
    <message>
        <source>A bank account has 8 to 30 digits.</source>
        <translation>银行账号为 8 到 30 位数字。</translation>
    </message>
    <message>
        <source>Customer {code} {name} already has this credit code.</source>
        <translation>客户 {code} {name} 已使用此信用代码。</translation>
    </message>
    <message>
        <source>Add at least one product line.</source>
        <translation>请至少添加一行产品。</translation>
    </message>
    <message>
        <source>This product is not in the catalog.</source>
        <translation>此产品不在产品目录中。</translation>
    </message>
    <message>
        <source>This quote is not one of this customer&apos;s.</source>
        <translation>此报价单不属于该客户。</translation>
    </message>
    <message>
        <source>This contact is not at this customer.</source>
        <translation>此联系人不属于该客户。</translation>
    </message>
    <message>
        <source>The amount must be more than 0.</source>
        <translation>金额必须大于 0。</translation>
    </message>
    <message>
        <source>Choose how the money was paid.</source>
        <translation>请选择付款方式。</translation>
    </message>
    <message>
        <source>This bill is not one of this customer&apos;s.</source>
        <translation>此应收单据不属于该客户。</translation>
    </message>
    <message>
        <source>The amount is more than the {open} still open on the bill.</source>
        <translation>金额超过该单据未收的 {open}。</translation>
    </message>
    <message>
        <source>This order is not one of this customer&apos;s.</source>
        <translation>此订单不属于该客户。</translation>
    </message>
    <message>
        <source>Give the reason for voiding the receipt.</source>
        <translation>请填写作废收据的原因。</translation>
    </message>
    <message>
        <source>Choose Chinese or English.</source>
        <translation>请选择中文或英文。</translation>
    </message>
    <message>
        <source>The idle lock is 0 (off) to 240 minutes.</source>
        <translation>空闲锁定时间为 0（关闭）到 240 分钟。</translation>
    </message>
    <message>
        <source>A page holds 1, 2 or 3 receipt copies.</source>
        <translation>每页可打印 1、2 或 3 联收据。</translation>
    </message>
    <message>
        <source>Choose the kind of visit.</source>
        <translation>请选择拜访类型。</translation>
    </message>
    <message>
        <source>Choose on site or phone.</source>
        <translation>请选择上门或电话。</translation>
    </message>
    <message>
        <source>This stop is for another customer.</source>
        <translation>此拜访站点属于其他客户。</translation>
    </message>
    <message>
        <source>Choose good, fair or poor.</source>
        <translation>请选择良好、一般或较差。</translation>
    </message>
    <message>
        <source>Facings are 0 to 999.</source>
        <translation>排面数为 0 到 999。</translation>
    </message>
    <message>
        <source>Choose the stage reached.</source>
        <translation>请选择达到的阶段。</translation>
    </message>
    <message>
        <source>Check-out cannot be before check-in.</source>
        <translation>签退时间不能早于签到时间。</translation>
    </message>
    <message>
        <source>Write the note.</source>
        <translation>请填写备注内容。</translation>
    </message>
    <message>
        <source>Choose the contact&apos;s role.</source>
        <translation>请选择联系人角色。</translation>
    </message>
    <message>
        <source>Describe the complaint.</source>
        <translation>请描述投诉内容。</translation>
    </message>
    <message>
        <source>This visit is not one of this customer&apos;s.</source>
        <translation>此拜访不属于该客户。</translation>
    </message>
    <message>
        <source>Say how it was resolved.</source>
        <translation>请说明处理结果。</translation>
    </message>
    <message>
        <source>A customer is planned twice on this day.</source>
        <translation>同一客户在当天被重复安排。</translation>
    </message>
    <message>
        <source>The file {name} does not exist.</source>
        <translation>文件 {name} 不存在。</translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation>文件 {name} 是空的。</translation>
    </message>
    <message>
        <source>The file is {size} MB; at most {limit} MB is allowed.</source>
        <translation>文件大小为 {size} MB，最多允许 {limit} MB。</translation>
    </message>
    <message>
        <source>A visit photo must be a PNG or JPEG image.</source>
        <translation>拜访照片必须是 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>Attach a PNG or JPEG image or a PDF document.</source>
        <translation>请附加 PNG、JPEG 图片或 PDF 文档。</translation>
    </message>
    <message>
        <source>The file grew past {limit} MB while copied.</source>
        <translation>文件在复制过程中超过了 {limit} MB。</translation>
    </message>
    <message>
        <source>Files cannot be attached here.</source>
        <translation>此处不能添加附件。</translation>
    </message>
    <message>
        <source>The file of this attachment is not on this computer yet.</source>
        <translation>此附件的文件尚未下载到本机。</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>The server&apos;s certificate could not be verified. Check the address or the CA bundle.</source>
        <translation>无法验证服务器证书，请检查地址或 CA 证书。</translation>
    </message>
    <message>
        <source>Cannot reach the sync server at {url}. Check the network and try again later.</source>
        <translation>无法连接同步服务器 {url}，请检查网络后重试。</translation>
    </message>
    <message>
        <source>Waiqin and the sync server versions do not match: {detail}</source>
        <translation>外勤与同步服务器版本不匹配：{detail}</translation>
    </message>
    <message>
        <source>The server refused the login: {detail}</source>
        <translation>服务器拒绝登录：{detail}</translation>
    </message>
    <message>
        <source>The sync server has a problem ({status}): {detail}</source>
        <translation>同步服务器出现问题（{status}）：{detail}</translation>
    </message>
    <message>
        <source>The sync server refused the request: {detail}</source>
        <translation>同步服务器拒绝了请求：{detail}</translation>
    </message>
    <message>
        <source>pushed {pushed}, pulled {pulled}, merged {merged}, conflicts {conflicts}, rejected {rejected}</source>
        <translation>上传 {pushed}，下载 {pulled}，合并 {merged}，冲突 {conflicts}，驳回 {rejected}</translation>
    </message>
    <message>
        <source>Not logged in. Log in to the server first.</source>
        <translation>未登录，请先登录服务器。</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>同步正在进行中。</translation>
    </message>
    <message>
        <source>Logged in as {name} ({username}).</source>
        <translation>已登录：{name}（{username}）。</translation>
    </message>
    <message>
        <source>rejected: {reason}</source>
        <translation>已驳回：{reason}</translation>
    </message>
    <message>
        <source>{n} conflict(s) wait in the conflict inbox.</source>
        <translation>有 {n} 个冲突等待处理。</translation>
    </message>
    <message>
        <source>choose local, remote or a value</source>
        <translation>请选择本机值、服务器值或输入新值</translation>
    </message>
    <message>
        <source>No such conflict.</source>
        <translation>没有这个冲突。</translation>
    </message>
    <message>
        <source>This conflict is already resolved.</source>
        <translation>此冲突已处理。</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>The grade must be A, B, C, D or E.</source>
        <translation>等级必须为 A、B、C、D 或 E。</translation>
    </message>
    <message>
        <source>Grades A, B and C need an expected close date.</source>
        <translation>A、B、C 级客户需要填写预计成交日期。</translation>
    </message>
    <message>
        <source>Grade {grade} does not fit the expected close date (grade {implied}).</source>
        <translation>{grade} 级与预计成交日期不符（应为 {implied} 级）。</translation>
    </message>
    <message>
        <source>Enter a valid amount.</source>
        <translation>请输入有效金额。</translation>
    </message>
    <message>
        <source>An amount can have at most 2 decimals (fen).</source>
        <translation>金额最多两位小数（分）。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount cannot exceed {max}.</source>
        <translation>金额不能超过 {max}。</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>Enter a mobile number.</source>
        <translation>请输入手机号码。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 13 to 19.</source>
        <translation>手机号码为 11 位，以 13 至 19 开头。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入电话号码。</translation>
    </message>
    <message>
        <source>Enter a landline with its area code, e.g. 021-12345678.</source>
        <translation>请输入带区号的座机号码，如 021-12345678。</translation>
    </message>
    <message>
        <source>Enter an 11-digit mobile number or a landline with its area code.</source>
        <translation>请输入 11 位手机号码或带区号的座机号码。</translation>
    </message>
    <message>
        <source>The discount cannot exceed the amount before tax.</source>
        <translation>折扣不能超过不含税金额。</translation>
    </message>
    <message>
        <source>The tax rate must be one of {rates}.</source>
        <translation>税率必须为 {rates} 之一。</translation>
    </message>
    <message>
        <source>Enter an ID number.</source>
        <translation>请输入身份证号。</translation>
    </message>
    <message>
        <source>An ID number has 17 digits followed by a digit or X.</source>
        <translation>身份证号为 17 位数字加 1 位数字或 X。</translation>
    </message>
    <message>
        <source>The birth date in the ID number is invalid.</source>
        <translation>身份证号中的出生日期无效。</translation>
    </message>
    <message>
        <source>The ID number is mistyped: its check character does not match.</source>
        <translation>身份证号有误：校验码不符。</translation>
    </message>
    <message>
        <source>Enter a credit code.</source>
        <translation>请输入统一社会信用代码。</translation>
    </message>
    <message>
        <source>A credit code has 18 characters: digits and capital letters except I, O, S, V, Z.</source>
        <translation>信用代码为 18 位：数字和大写字母（不含 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <source>Characters 3 to 8 of a credit code are the region digits.</source>
        <translation>信用代码第 3 至 8 位为行政区划代码。</translation>
    </message>
    <message>
        <source>The credit code is mistyped: its check character does not match.</source>
        <translation>信用代码有误：校验码不符。</translation>
    </message>
    <message>
        <source>Enter an e-mail address.</source>
        <translation>请输入电子邮箱。</translation>
    </message>
    <message>
        <source>Enter an e-mail address like name@example.com.</source>
        <translation>请输入形如 name@example.com 的电子邮箱。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>The quantity must be more than 0.</source>
        <translation>数量必须大于 0。</translation>
    </message>
    <message>
        <source>The quantity cannot exceed 1,000,000.</source>
        <translation>数量不能超过 1,000,000。</translation>
    </message>
    <message>
        <source>A quantity can have at most 3 decimals.</source>
        <translation>数量最多三位小数。</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>The price is too large.</source>
        <translation>价格过大。</translation>
    </message>
    <message>
        <source>A unit price can have at most 4 decimals.</source>
        <translation>单价最多四位小数。</translation>
    </message>
    <message>
        <source>A discount is a percentage from 0 to 100.</source>
        <translation>折扣为 0 到 100 的百分比。</translation>
    </message>
    <message>
        <source>Enter a whole number of days.</source>
        <translation>请输入整数天数。</translation>
    </message>
    <message>
        <source>The lead time must be at least 1 day: same-day shipping is no lead time.</source>
        <translation>交货期至少 1 天：当天发货不算交货期。</translation>
    </message>
    <message>
        <source>The lead time cannot exceed 365 days.</source>
        <translation>交货期不能超过 365 天。</translation>
    </message>
    <message>
        <source>The potential is a score from 1 to 5.</source>
        <translation>潜力评分为 1 到 5。</translation>
    </message>
    <message>
        <source>The date cannot be before {date}.</source>
        <translation>日期不能早于 {date}。</translation>
    </message>
    <message>
        <source>The date cannot be after {date}.</source>
        <translation>日期不能晚于 {date}。</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>请输入日期。</translation>
    </message>
    <message>
        <source>This day does not exist.</source>
        <translation>该日期不存在。</translation>
    </message>
    <message>
        <source>Enter a date like 2026-11-22 or 2026年11月22日.</source>
        <translation>请按 2026-11-22 或 2026年11月22日 的格式输入日期。</translation>
    </message>
    <message>
        <source>This field cannot be empty.</source>
        <translation>此项不能为空。</translation>
    </message>
    <message>
        <source>At most {max} characters.</source>
        <translation>最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Remove the control characters.</source>
        <translation>请删除控制字符。</translation>
    </message>
</context>
<context>
    <name>visits</name>
    <message>
        <source>This visit is finished; add a note to correct or complete it.</source>
        <translation>此拜访已完成，请添加备注进行更正或补充。</translation>
    </message>
    <message>
        <source>Check out of the open visit first.</source>
        <translation>请先签退当前拜访。</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>跟进拜访</translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <source>No Waiqin workspace in {path}. Create one with init.</source>
        <translation>{path} 中没有外勤工作区，请用 init 创建。</translation>
    </message>
    <message>
        <source>The workspace file {file} is damaged.</source>
        <translation>工作区文件 {file} 已损坏。</translation>
    </message>
    <message>
        <source>This workspace was made by a newer version of Waiqin.</source>
        <translation>此工作区由更新版本的外勤创建。</translation>
    </message>
    <message>
        <source>This workspace is protected by a passphrase. Type it, or pass --passphrase-stdin or set WAIQIN_PASSPHRASE.</source>
        <translation>此工作区受密码保护。请输入密码，或使用 --passphrase-stdin 或设置 WAIQIN_PASSPHRASE。</translation>
    </message>
    <message>
        <source>The key of this workspace is not in the system keyring (another user or another computer?). Restore it or use a backup.</source>
        <translation>系统钥匙串中没有此工作区的密钥（其他用户或其他电脑？）。请恢复密钥或使用备份。</translation>
    </message>
    <message>
        <source>Unknown key mode in the workspace file.</source>
        <translation>工作区文件中的密钥模式未知。</translation>
    </message>
    <message>
        <source>A workspace already exists in {path}.</source>
        <translation>{path} 中已存在工作区。</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer: choose a passphrase (--passphrase-stdin or WAIQIN_PASSPHRASE).</source>
        <translation>此电脑没有可用的系统钥匙串：请设置密码（--passphrase-stdin 或 WAIQIN_PASSPHRASE）。</translation>
    </message>
    <message>
        <source>The workspace needs a schema upgrade.</source>
        <translation>工作区需要升级数据结构。</translation>
    </message>
</context>
</TS>
