<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="16"/>
        <source>About blood-desk</source>
        <translation>关于 blood-desk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="19"/>
        <source>training platform</source>
        <translation>培训平台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="25"/>
        <source>Blood-bank counter for the Shanghai clinical blood-use platform.</source>
        <translation>对接上海市临床用血平台的输血科窗口程序。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="29"/>
        <source>Platform: %1</source>
        <translation>平台：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="31"/>
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="35"/>
        <source>Workstation: %1</source>
        <translation>工作站：%1</translation>
    </message>
</context>
<context>
    <name>BillBagModel</name>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="205"/>
        <source>Bag id</source>
        <translation>血袋编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="206"/>
        <source>Donation number (DIN)</source>
        <translation>献血码（DIN）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="207"/>
        <source>Product code</source>
        <translation>产品码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="208"/>
        <source>Product</source>
        <translation>血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="209"/>
        <source>ABO</source>
        <translation>ABO</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="210"/>
        <source>Rh(D)</source>
        <translation>Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="211"/>
        <source>Expiry</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="225"/>
        <source>The platform sent “%1”; check the bag&apos;s label</source>
        <translation>平台发送的值为“%1”，请核对血袋标签</translation>
    </message>
</context>
<context>
    <name>BillListModel</name>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="68"/>
        <source>Bill number</source>
        <translation>发血单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="69"/>
        <source>Dispatched</source>
        <translation>发血时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="70"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="71"/>
        <source>Bags received</source>
        <translation>已入库袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="72"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="77"/>
        <source>New</source>
        <translation>新到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="78"/>
        <source>Receiving</source>
        <translation>入库中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="79"/>
        <source>Partly received</source>
        <translation>部分入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="80"/>
        <source>Received</source>
        <translation>已入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="107"/>
        <source>Arrived while the desk was open; press Enter to open it</source>
        <translation>本次运行期间新到的发血单；按回车键打开</translation>
    </message>
</context>
<context>
    <name>BillSumModel</name>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="260"/>
        <source>Sub-class</source>
        <translation>血液中类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="261"/>
        <source>ABO</source>
        <translation>ABO</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="262"/>
        <source>Rh(D)</source>
        <translation>Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="263"/>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="264"/>
        <source>Volume</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="282"/>
        <source>The platform sent “%1”</source>
        <translation>平台发送的值为“%1”</translation>
    </message>
</context>
<context>
    <name>BillsTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="106"/>
        <source>Scan or type a bill number, then Enter</source>
        <translation>扫描或输入发血单号，按回车键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="114"/>
        <source>Choose a bill and press Enter to see its bags.</source>
        <translation>选中一张发血单，按回车键查看血袋明细。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="116"/>
        <source>Recei&amp;ve this bill (Ctrl+R)</source>
        <translation>入库此发血单(&amp;V) (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="145"/>
        <source>Bill &amp;number:</source>
        <translation>发血单号(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="213"/>
        <source>Opening bill %1…</source>
        <translation>正在打开发血单 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="222"/>
        <source>Bill %1 is not kept here; asking the platform…</source>
        <translation>本机没有发血单 %1，正在向平台查询…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="265"/>
        <source>Bill %1 · %2 bags</source>
        <translation>发血单 %1 · 共 %2 袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="269"/>
        <source>dispatched %1</source>
        <translation>发血时间 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="327"/>
        <source>That did not work.</source>
        <translation>操作未成功。</translation>
    </message>
</context>
<context>
    <name>CancelBagsModel</name>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="131"/>
        <source>Bag id</source>
        <translation>血袋编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="132"/>
        <source>Product</source>
        <translation>血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="133"/>
        <source>ABO / Rh</source>
        <translation>ABO / Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="134"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="201"/>
        <source>Cancelled %1: %2</source>
        <translation>已于 %1 取消：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="206"/>
        <source>Moved on since: cannot be cancelled</source>
        <translation>已有后续操作，不能取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="207"/>
        <source>Taken out</source>
        <translation>已出库</translation>
    </message>
</context>
<context>
    <name>CancelTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="75"/>
        <source>Takeout number, or the patient&apos;s name, ID number, visit or record number</source>
        <translation>出库单号，或患者姓名、证件号、就诊号、病案号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="84"/>
        <source>Last cancellation: %1</source>
        <translation>最近一次取消出库：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="85"/>
        <source>Canc&amp;el the ticked bags (Ctrl+Enter)</source>
        <translation>取消勾选血袋的出库(&amp;E) (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="96"/>
        <source>&amp;Find takeout</source>
        <translation>查找出库单(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="98"/>
        <source>Ba&amp;gs (Space ticks; ticked bags are cancelled)</source>
        <translation>血袋(&amp;G)（按空格键勾选；勾选的血袋将取消出库）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="100"/>
        <source>Reason for cance&amp;lling</source>
        <translation>取消原因(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="102"/>
        <source>Tick &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="103"/>
        <source>Tick &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="144"/>
        <source>nobody (F2)</source>
        <translation>未设置（按 F2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="145"/>
        <source>Operator: %1; time: when submitted</source>
        <translation>操作员：%1；时间：以提交时间为准</translation>
    </message>
</context>
<context>
    <name>ClassModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="145"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="146"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="147"/>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="148"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../desktop/ui/crash.py" line="53"/>
        <source>blood-desk: unexpected error</source>
        <translation>blood-desk：意外错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="56"/>
        <source>An unexpected error occurred. Your saved records are safe. Please tell hospital IT and give them the details below.</source>
        <translation>程序发生意外错误。已保存的记录不受影响。请联系医院信息科，并提供下方的详细信息。</translation>
    </message>
</context>
<context>
    <name>DeliveryView</name>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="38"/>
        <source>No receipt submitted yet</source>
        <translation>尚未提交入库单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="44"/>
        <source>Print rec&amp;eipt (Ctrl+P)</source>
        <translation>打印入库单(&amp;E) (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="45"/>
        <source>Save as PD&amp;F (Ctrl+Shift+S)</source>
        <translation>另存为 PDF(&amp;F) (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="79"/>
        <source>Save the receipt as PDF</source>
        <translation>将入库单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="89"/>
        <source>Receipt %1 saved · %2</source>
        <translation>入库单 %1 已保存 · %2</translation>
    </message>
</context>
<context>
    <name>DepartmentActions</name>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="162"/>
        <source>&amp;Add department…</source>
        <translation>添加科室(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="163"/>
        <source>&amp;Edit…</source>
        <translation>修改(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="164"/>
        <source>Disable / enable (&amp;U)</source>
        <translation>停用 / 启用(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="165"/>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="190"/>
        <location filename="../../desktop/ui/tabs/departments.py" line="234"/>
        <source>Choose a department in the table first.</source>
        <translation>请先在表格中选中一个科室。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="198"/>
        <source>Import departments</source>
        <translation>导入科室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="198"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="247"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="59"/>
        <source>Edit department</source>
        <translation>修改科室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="59"/>
        <source>Add department</source>
        <translation>添加科室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="65"/>
        <source>In &amp;use (offered in takeout forms)</source>
        <translation>启用(&amp;U)（出库时可选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="69"/>
        <source>Department &amp;id</source>
        <translation>科室编号(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="71"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="73"/>
        <source>Short &amp;code (pinyin)</source>
        <translation>简码(&amp;C)（拼音首字母）</translation>
    </message>
</context>
<context>
    <name>DepartmentModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="249"/>
        <source>Department id</source>
        <translation>科室编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="250"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="251"/>
        <source>Short code</source>
        <translation>简码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="252"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="270"/>
        <source>Disabled: not offered in takeout forms</source>
        <translation>已停用：出库时不可选</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="51"/>
        <source>Outbox: …</source>
        <translation>上传队列：…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="55"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="56"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="57"/>
        <source>Offline: records are kept and sent later</source>
        <translation>离线：记录已保存，联网后上传</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="58"/>
        <source>Paused: the platform rejects our credentials</source>
        <translation>已暂停：平台拒绝本机的认证信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="62"/>
        <source>Training</source>
        <translation>培训模式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="68"/>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="69"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="73"/>
        <source>Outbox: %1 waiting · %2 in doubt · %3 need attention</source>
        <translation>上传队列：等待 %1 · 待核实 %2 · 需处理 %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="84"/>
        <source>Today&apos;s outflow unsent: %1 · %2 left to 00:00</source>
        <translation>今日出库未上报：%1 · 距零点截止 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="89"/>
        <source>Overdue records from earlier days!</source>
        <translation>有往日逾期未上报的记录！</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="96"/>
        <source>No operator (F2)</source>
        <translation>未设置操作员（F2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="98"/>
        <source>Operator: %1</source>
        <translation>操作员：%1</translation>
    </message>
</context>
<context>
    <name>DictionariesTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="99"/>
        <source>Name, code or short code…</source>
        <translation>名称、代码或简码…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="122"/>
        <source>Products</source>
        <translation>血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="124"/>
        <source>Product classes</source>
        <translation>血液大类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="126"/>
        <source>Sub-classes</source>
        <translation>血液中类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="128"/>
        <source>Facilities</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="130"/>
        <source>Diseases</source>
        <translation>疾病</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="132"/>
        <source>Departments</source>
        <translation>科室</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="167"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="209"/>
        <source>Type part of a name or a code to search</source>
        <translation>输入名称或代码的一部分进行查找</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="211"/>
        <source>Nothing matches “%1”</source>
        <translation>没有与“%1”匹配的条目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="213"/>
        <source>First %1 matches: type more to narrow</source>
        <translation>仅显示前 %1 条结果，请继续输入以缩小范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="216"/>
        <source>%1 shown</source>
        <translation>显示 %1 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="220"/>
        <source>Kept at this desk: the platform has no department list</source>
        <translation>由本机维护：平台不提供科室字典</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="222"/>
        <source>Never synced: press “Sync now”</source>
        <translation>尚未同步：请按“立即同步”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="225"/>
        <source>Synced %1 · %2 entries</source>
        <translation>同步于 %1 · 共 %2 条</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="231"/>
        <source>Search failed</source>
        <translation>查找失败</translation>
    </message>
</context>
<context>
    <name>DictionarySyncButton</name>
    <message>
        <location filename="../../desktop/ui/tabs/dictionary_sync.py" line="31"/>
        <location filename="../../desktop/ui/tabs/dictionary_sync.py" line="65"/>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionary_sync.py" line="32"/>
        <source>Fetch every dictionary from the platform</source>
        <translation>从平台获取全部字典</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionary_sync.py" line="54"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
</context>
<context>
    <name>DiseaseModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="219"/>
        <source>ICD-10 code</source>
        <translation>ICD-10 编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="220"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="221"/>
        <source>Platform id</source>
        <translation>平台编号</translation>
    </message>
</context>
<context>
    <name>FacilityModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="185"/>
        <source>Id</source>
        <translation>机构编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="186"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="187"/>
        <source>Kind</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="188"/>
        <source>In service</source>
        <translation>在用</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="43"/>
        <source>Override needed</source>
        <translation>需强制发血</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="43"/>
        <source>Confirm this bag</source>
        <translation>确认发出此袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="45"/>
        <source>Bag %1 (%2)</source>
        <translation>血袋 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="52"/>
        <source>Why this bag is issued all the same</source>
        <translation>请填写强制发血的原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="56"/>
        <source>Issue with override</source>
        <translation>强制发血</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="56"/>
        <source>Issue</source>
        <translation>发血</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="59"/>
        <source>Do not issue</source>
        <translation>不发血</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="33"/>
        <source>blood-desk · Blood bank counter</source>
        <translation>blood-desk · 输血科窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="50"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="72"/>
        <source>Des&amp;k</source>
        <translation>工作台(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="74"/>
        <source>&amp;Operator on duty…</source>
        <translation>当班操作员(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="75"/>
        <source>&amp;Sync with the platform now</source>
        <translation>立即与平台同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="76"/>
        <source>Send the outbox &amp;now</source>
        <translation>立即上传队列中的记录(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="77"/>
        <source>Outbox &amp;list…</source>
        <translation>上传队列(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="79"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="83"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="84"/>
        <source>&amp;About blood-desk</source>
        <translation>关于 blood-desk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="114"/>
        <source>培训模式 · TRAINING — records go to the training platform only</source>
        <translation>培训模式 · 记录只发送到培训平台，不上报正式平台</translation>
    </message>
</context>
<context>
    <name>MedicalRecordForm</name>
    <message>
        <location filename="../../desktop/ui/takeout/medical_record_form.py" line="60"/>
        <source>Patient record</source>
        <translation>病案信息</translation>
    </message>
</context>
<context>
    <name>NewBillBanner</name>
    <message>
        <location filename="../../desktop/ui/tabs/bill_arrivals.py" line="32"/>
        <source>&amp;Open it</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bill_arrivals.py" line="34"/>
        <source>Dis&amp;miss</source>
        <translation>关闭(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bill_arrivals.py" line="69"/>
        <source>New bill %1 has arrived from the blood station.</source>
        <translation>血站新发血单 %1 已到达。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bill_arrivals.py" line="72"/>
        <source>%1 new bills have arrived; the newest is %2.</source>
        <translation>新到 %1 张发血单，最新一张为 %2。</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../desktop/ui/operator.py" line="34"/>
        <source>Operator on duty</source>
        <translation>当班操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="43"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="44"/>
        <source>&amp;Staff number</source>
        <translation>工号(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="53"/>
        <source>Enter who is working at the counter. It is recorded with every record.</source>
        <translation>请填写当前在窗口值班的人员，每条记录都会登记操作员。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="67"/>
        <source>Enter the operator&apos;s name.</source>
        <translation>请填写操作员姓名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="71"/>
        <source>Enter the operator&apos;s staff number.</source>
        <translation>请填写操作员工号。</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="50"/>
        <source>Outbox</source>
        <translation>上传队列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="61"/>
        <source>Show &amp;delivered and withdrawn records too</source>
        <translation>同时显示已上传和已撤回的记录(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="66"/>
        <source>Choose a record to see its document.</source>
        <translation>选中一条记录以查看其报文。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="67"/>
        <source>&amp;Resend corrected</source>
        <translation>修改后重发(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="68"/>
        <source>&amp;Withdraw…</source>
        <translation>撤回(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="69"/>
        <source>&amp;Send now</source>
        <translation>立即上传(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="155"/>
        <source>Choose the operator on duty first (F2).</source>
        <translation>请先设置当班操作员（F2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="168"/>
        <source>The document is not valid JSON (line %1): %2</source>
        <translation>报文不是有效的 JSON（第 %1 行）：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="190"/>
        <source>Withdraw a record</source>
        <translation>撤回记录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="192"/>
        <source>Withdrawing takes this record back, with the records held behind it, and undoes their effect on the local stock. Reason:</source>
        <translation>撤回将收回此记录及排在其后的记录，并撤销它们对本地库存的影响。撤回原因：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="207"/>
        <source>Withdrawn: %1</source>
        <translation>已撤回：%1</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="38"/>
        <source>Receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="39"/>
        <source>Takeout</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="40"/>
        <source>Cancellation</source>
        <translation>取消出库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="46"/>
        <source>Waiting</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="47"/>
        <source>In doubt</source>
        <translation>待核实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="48"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="49"/>
        <source>On the platform</source>
        <translation>已上传</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="50"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="66"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="67"/>
        <source>Record</source>
        <translation>单据类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="68"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="69"/>
        <source>Bags</source>
        <translation>袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="70"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="71"/>
        <source>Attempts</source>
        <translation>发送次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="72"/>
        <source>Business day</source>
        <translation>业务日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="73"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/outbox_models.py" line="74"/>
        <source>Platform&apos;s answer</source>
        <translation>平台回复</translation>
    </message>
</context>
<context>
    <name>ProductModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="98"/>
        <source>Product code</source>
        <translation>产品码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="99"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="100"/>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="101"/>
        <source>Sub-class</source>
        <translation>血液中类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="102"/>
        <source>Class</source>
        <translation>血液大类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="103"/>
        <source>Volume per bag</source>
        <translation>每袋容量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="104"/>
        <source>Units per bag</source>
        <translation>每袋单位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="105"/>
        <source>In use</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="60"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="61"/>
        <source>Receipt type</source>
        <translation>入库类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="62"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="63"/>
        <source>Receipt number</source>
        <translation>入库单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="64"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="65"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="66"/>
        <source>Received at</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="68"/>
        <source>Blood receipt</source>
        <translation>血液入库单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="78"/>
        <source>Discrepancy</source>
        <translation>差异说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="80"/>
        <source>Received by (signature):</source>
        <translation>接收人（签名）：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="85"/>
        <source>Bag id</source>
        <translation>血袋编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="85"/>
        <source>Product</source>
        <translation>血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="85"/>
        <source>ABO / Rh</source>
        <translation>ABO / Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="85"/>
        <source>Expiry</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="108"/>
        <source>Total: %1 bags</source>
        <translation>合计：%1 袋</translation>
    </message>
</context>
<context>
    <name>ReceivingModel</name>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="94"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="95"/>
        <source>Bag id</source>
        <translation>血袋编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="96"/>
        <source>Product</source>
        <translation>血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="97"/>
        <source>ABO / Rh</source>
        <translation>ABO / Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="98"/>
        <source>Expiry</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="99"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="102"/>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="103"/>
        <source>Not expected</source>
        <translation>非本单血袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="104"/>
        <source>Checking…</source>
        <translation>核对中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="105"/>
        <source>Not scanned yet</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="106"/>
        <source>Received</source>
        <translation>已入库</translation>
    </message>
</context>
<context>
    <name>ReceivingTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="73"/>
        <source>Submit the receipt (Ctrl+Enter)</source>
        <translation>提交入库单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="116"/>
        <source>Opening bill %1…</source>
        <translation>正在打开发血单 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="145"/>
        <source>Choose where the bags come from first</source>
        <translation>请先选择血袋来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="146"/>
        <source>Pick the bill, the hospital or the department above, then scan.</source>
        <translation>请先在上方选择发血单、医院或科室，再扫码。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="171"/>
        <source>Cannot be received here</source>
        <translation>不能在此入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="226"/>
        <source>Discard the scans?</source>
        <translation>放弃已扫描的血袋？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="227"/>
        <source>%1 scanned bags have not been submitted. Discard them?</source>
        <translation>已扫描的 %1 袋尚未提交。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="255"/>
        <source>Bill %1 is fully received</source>
        <translation>发血单 %1 已全部入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="256"/>
        <source>Every bag of this bill is in stock already.</source>
        <translation>本单所有血袋均已入库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="261"/>
        <source>Bill %1: %2 scans kept from before</source>
        <translation>发血单 %1：已保留之前扫描的 %2 袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="264"/>
        <source>Go on scanning the bags still to come.</source>
        <translation>请继续扫描其余血袋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="276"/>
        <source>Bill %1 could not be opened</source>
        <translation>无法打开发血单 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="351"/>
        <source>No receipt yet</source>
        <translation>尚无入库单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="351"/>
        <source>Submit a receipt first.</source>
        <translation>请先提交入库单。</translation>
    </message>
</context>
<context>
    <name>RequestedBloodsEditor</name>
    <message>
        <location filename="../../desktop/ui/takeout/requested_bloods.py" line="50"/>
        <source>Products requested</source>
        <translation>申请血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/requested_bloods.py" line="74"/>
        <source>&amp;Add product</source>
        <translation>添加品种(&amp;A)</translation>
    </message>
</context>
<context>
    <name>RequestedBloodsModel</name>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="241"/>
        <source>Product class</source>
        <translation>血液中类</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="242"/>
        <source>ABO / Rh</source>
        <translation>ABO / Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="243"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="244"/>
        <source>ml</source>
        <translation>毫升</translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <location filename="../../desktop/ui/scan_feedback.py" line="127"/>
        <source>Accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/scan_feedback.py" line="128"/>
        <source>Check before accepting</source>
        <translation>请核对后再确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/scan_feedback.py" line="129"/>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/scan_feedback.py" line="130"/>
        <source>Ready: scan a blood bag</source>
        <translation>就绪：请扫描血袋</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="59"/>
        <source>Scan a bag&apos;s bar codes, or type a bag id</source>
        <translation>扫描血袋条码，或输入血袋编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="65"/>
        <source>Show only bags still needing wor&amp;k</source>
        <translation>只显示待处理的血袋(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="67"/>
        <source>Re&amp;move the selected row (Del)</source>
        <translation>删除所选行(&amp;M) (Del)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="70"/>
        <source>Sc&amp;an</source>
        <translation>扫码(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="89"/>
        <source>Received</source>
        <translation>已入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="90"/>
        <source>Received: read the warning</source>
        <translation>已入库：请阅读警告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="91"/>
        <source>Label agrees</source>
        <translation>标签一致</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="92"/>
        <source>Label disagrees with the record</source>
        <translation>标签与记录不符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="93"/>
        <source>Product code does not match</source>
        <translation>产品码不符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="94"/>
        <source>Scan the product code</source>
        <translation>请扫描产品码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="95"/>
        <source>Scan the DIN</source>
        <translation>请扫描献血码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="96"/>
        <source>Checking with the platform…</source>
        <translation>正在向平台核实…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="97"/>
        <source>Not on this bill</source>
        <translation>不在本发血单中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="98"/>
        <source>Already scanned</source>
        <translation>已扫描过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="99"/>
        <source>Already received</source>
        <translation>此前已入库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="100"/>
        <source>Expired: set it aside</source>
        <translation>已过期：请单独放置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="101"/>
        <source>Do not use: set it aside</source>
        <translation>禁止使用：请单独放置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="102"/>
        <source>Unknown product code</source>
        <translation>未知产品码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="103"/>
        <source>Unknown to the platform</source>
        <translation>平台无此血袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="104"/>
        <source>Duplicate bag records</source>
        <translation>血袋记录重复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="105"/>
        <source>Wrong check character: scan again</source>
        <translation>校验位错误：请重新扫描</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="106"/>
        <source>Not readable: scan again</source>
        <translation>无法识别：请重新扫描</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="158"/>
        <source>Expected %1</source>
        <translation>应到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="159"/>
        <source>Received %1</source>
        <translation>已入库 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="161"/>
        <source>Missing %1</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="162"/>
        <source>Not on the bill %1</source>
        <translation>单外 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="163"/>
        <source>Refused %1</source>
        <translation>拒收 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="165"/>
        <source>Checking %1</source>
        <translation>核对中 %1</translation>
    </message>
</context>
<context>
    <name>SearchPicker</name>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="90"/>
        <source>(looking up…)</source>
        <translation>（查询中…）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="99"/>
        <source>(not in the local list)</source>
        <translation>（本地字典中没有）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="196"/>
        <source>Type a disease name or ICD-10 code</source>
        <translation>疾病名称或 ICD-10 编码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="205"/>
        <source>Type a department name or short code</source>
        <translation>科室名称或简码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="214"/>
        <source>Type the receiving hospital&apos;s name</source>
        <translation>接收医院名称</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="52"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="57"/>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="58"/>
        <source>&amp;Counter</source>
        <translation>本机(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="69"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="88"/>
        <source>empty: use the training platform</source>
        <translation>留空则使用培训平台</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="92"/>
        <source>unchanged</source>
        <translation>不修改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="94"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="99"/>
        <source>&amp;Verify the platform&apos;s certificate</source>
        <translation>验证平台证书(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="103"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="107"/>
        <source>Token URL</source>
        <translation>令牌地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="108"/>
        <source>Service URL</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="109"/>
        <source>Dispatch list URL</source>
        <translation>发血单列表地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="110"/>
        <source>Client id</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="111"/>
        <source>Client secret</source>
        <translation>客户密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="112"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="159"/>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="114"/>
        <source>Dispatch list polling</source>
        <translation>发血单列表轮询间隔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="121"/>
        <source>Keyboard (USB scanner)</source>
        <translation>键盘输入（USB 扫码枪）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="133"/>
        <source>Play a &amp;sound for each scan</source>
        <translation>每次扫码播放提示音(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="147"/>
        <source>Workstation name</source>
        <translation>工作站名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="148"/>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="149"/>
        <source>Serial baud rate</source>
        <translation>串口波特率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="151"/>
        <source>Language (after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="152"/>
        <source>First deadline warning</source>
        <translation>零点上报截止首次提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="153"/>
        <source>Urgent deadline warning</source>
        <translation>零点上报截止紧急提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="154"/>
        <source>Keep patient data after sending (days)</source>
        <translation>上传后患者数据保留天数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="159"/>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>证书文件 (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="225"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="234"/>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="235"/>
        <source>Service description (WSDL)</source>
        <translation>服务描述（WSDL）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="236"/>
        <source>Business call</source>
        <translation>业务接口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="237"/>
        <source>Dispatch list</source>
        <translation>发血单列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="250"/>
        <source>Connection test failed: </source>
        <translation>连接测试失败：</translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="106"/>
        <source>&amp;1 From the blood station (151)</source>
        <translation>&amp;1 血站发血入库（151）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="107"/>
        <source>&amp;2 Transfer-in from a hospital (1001)</source>
        <translation>&amp;2 医院调拨入库（1001）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="108"/>
        <source>&amp;3 Returned by a department (1006)</source>
        <translation>&amp;3 科室退血入库（1006）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="122"/>
        <source>Type or scan a bill number, then Enter</source>
        <translation>输入或扫描发血单号，按回车键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="125"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="130"/>
        <source>Bi&amp;ll</source>
        <translation>发血单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="131"/>
        <source>Bill &amp;number</source>
        <translation>发血单号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="139"/>
        <source>Type part of the hospital&apos;s name</source>
        <translation>输入医院名称的一部分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="140"/>
        <source>The other hospital&apos;s transfer-out number</source>
        <translation>对方医院的调拨出库单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="141"/>
        <source>Hosp&amp;ital</source>
        <translation>医院(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="142"/>
        <source>Transfer-&amp;out number</source>
        <translation>调拨出库单号(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="148"/>
        <source>Type part of the name or the short code</source>
        <translation>输入名称的一部分或简码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="149"/>
        <source>De&amp;partment</source>
        <translation>科室(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="176"/>
        <source>%1 bags, %2 received</source>
        <translation>共 %1 袋，已入库 %2 袋</translation>
    </message>
</context>
<context>
    <name>StockBagModel</name>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="183"/>
        <source>Bag id</source>
        <translation>血袋编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="184"/>
        <source>Donation number (DIN)</source>
        <translation>献血码（DIN）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="185"/>
        <source>Product code</source>
        <translation>产品码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="186"/>
        <source>Product</source>
        <translation>血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="187"/>
        <source>ABO</source>
        <translation>ABO</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="188"/>
        <source>Rh(D)</source>
        <translation>Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="189"/>
        <source>Expiry</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="190"/>
        <source>Expiry state</source>
        <translation>效期状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="191"/>
        <source>On the shelf since</source>
        <translation>入库时间</translation>
    </message>
</context>
<context>
    <name>StockChart</name>
    <message>
        <location filename="../../desktop/ui/tabs/stock_chart.py" line="60"/>
        <source>Bags on the shelf by blood group</source>
        <translation>按血型统计的库存袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock_chart.py" line="80"/>
        <source>Bags</source>
        <translation>袋数</translation>
    </message>
</context>
<context>
    <name>StockSummaryModel</name>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="107"/>
        <source>Product code</source>
        <translation>产品码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="108"/>
        <source>Product</source>
        <translation>血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="109"/>
        <source>ABO</source>
        <translation>ABO</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="110"/>
        <source>Rh(D)</source>
        <translation>Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="111"/>
        <source>Bags</source>
        <translation>袋数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="112"/>
        <source>Units</source>
        <translation>单位数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="113"/>
        <source>First expiry</source>
        <translation>最早失效时间</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="106"/>
        <location filename="../../desktop/ui/tabs/stock.py" line="107"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="108"/>
        <source>E&amp;xpiring within 72 h only</source>
        <translation>只看 72 小时内失效(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="128"/>
        <source>&amp;Product:</source>
        <translation>血液品种(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="129"/>
        <source>AB&amp;O:</source>
        <translation>ABO(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="130"/>
        <source>Rh(D) &amp;group:</source>
        <translation>Rh(D) 血型(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="223"/>
        <source>On the shelf: %1 bags · %2 expired · %3 expire within 24 h · %4 within 72 h</source>
        <translation>库存 %1 袋 · 已过期 %2 袋 · 24 小时内失效 %3 袋 · 72 小时内失效 %4 袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="237"/>
        <source>All products</source>
        <translation>全部品种</translation>
    </message>
</context>
<context>
    <name>SubmitFlow</name>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="66"/>
        <source>Nothing to submit</source>
        <translation>没有可提交的内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="66"/>
        <source>Scan the bags first.</source>
        <translation>请先扫描血袋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="70"/>
        <source>Still checking with the platform</source>
        <translation>仍在向平台核实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="71"/>
        <source>Wait until every bag has been checked, then submit.</source>
        <translation>请等待所有血袋核实完毕后再提交。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="111"/>
        <source>No operator on duty</source>
        <translation>未设置当班操作员</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="112"/>
        <source>Choose the operator on duty (F2) before submitting.</source>
        <translation>提交前请先设置当班操作员（F2）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="129"/>
        <source>The receipt is not complete</source>
        <translation>入库单填写不完整</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="136"/>
        <source>Bags missing</source>
        <translation>缺少血袋</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="138"/>
        <source>%1 bags of the bill were not received. Submit the receipt without them? They are recorded as missing in the receipt&apos;s description.</source>
        <translation>本发血单有 %1 袋未入库。是否不含这些血袋提交入库单？缺少的血袋将记录在入库单的说明中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="178"/>
        <source>Receipt %1 saved</source>
        <translation>入库单 %1 已保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="179"/>
        <source>It is sent to the platform from the outbox; print it with Ctrl+P.</source>
        <translation>将通过上传队列发送到平台；按 Ctrl+P 打印。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="191"/>
        <source>The receipt was not saved</source>
        <translation>入库单未保存</translation>
    </message>
</context>
<context>
    <name>TakeoutBagsModel</name>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="116"/>
        <source>Bag id</source>
        <translation>血袋编号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="117"/>
        <source>Product</source>
        <translation>血液品种</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="118"/>
        <source>ABO / Rh</source>
        <translation>ABO / Rh(D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="119"/>
        <source>Expiry</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="120"/>
        <source>Check</source>
        <translation>核对结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="121"/>
        <source>Reason / override</source>
        <translation>原因 / 强制发血说明</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="166"/>
        <source>Refused</source>
        <translation>拒收</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="167"/>
        <source>Needs checking again: remove and rescan</source>
        <translation>需重新核对：请删除后重新扫描</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="169"/>
        <source>Overridden</source>
        <translation>已强制发血</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="171"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="172"/>
        <source>OK</source>
        <translation>通过</translation>
    </message>
</context>
<context>
    <name>TakeoutBagsPanel</name>
    <message>
        <location filename="../../desktop/ui/takeout/bag_scan.py" line="96"/>
        <source>Scan a bag (DIN and product code, or bag id)</source>
        <translation>扫描血袋（献血码和产品码，或血袋编号）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/bag_scan.py" line="111"/>
        <source>Ba&amp;gs going out (Delete removes the selected ones)</source>
        <translation>出库血袋(&amp;G)（按 Delete 删除所选血袋）</translation>
    </message>
</context>
<context>
    <name>TakeoutHistoryModel</name>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="66"/>
        <source>Takeout number</source>
        <translation>出库单号</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="67"/>
        <source>Type</source>
        <translation>出库类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="68"/>
        <source>Taken out</source>
        <translation>出库时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="69"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="70"/>
        <source>Bags (not cancelled)</source>
        <translation>袋数（未取消）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="71"/>
        <source>Upload</source>
        <translation>上传状态</translation>
    </message>
</context>
<context>
    <name>TakeoutTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="85"/>
        <source>Last takeout: %1</source>
        <translation>最近一次出库：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="100"/>
        <source>T&amp;ype</source>
        <translation>出库类型(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="102"/>
        <source>Receiving hos&amp;pital</source>
        <translation>接收医院(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="126"/>
        <source>&amp;Import HIS request… (Ctrl+I)</source>
        <translation>导入 HIS 输血申请单(&amp;I)… (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="127"/>
        <source>&amp;New takeout</source>
        <translation>新建出库单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="128"/>
        <source>S&amp;ubmit takeout (Ctrl+Enter)</source>
        <translation>提交出库单(&amp;U) (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="170"/>
        <source>Scrap reas&amp;on</source>
        <translation>报废原因(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="170"/>
        <source>Re&amp;mark</source>
        <translation>备注(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="299"/>
        <source>The takeout in progress was restored; scan its bags.</source>
        <translation>已恢复未完成的出库单，请继续扫描血袋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="305"/>
        <source>Import a transfusion request</source>
        <translation>导入输血申请单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="305"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="322"/>
        <source>Request imported: check it, then scan the bags.</source>
        <translation>输血申请单已导入：请核对后扫描血袋。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="326"/>
        <source>Request not imported cleanly: %1 problem(s), shown in red.</source>
        <translation>输血申请单导入不完整：有 %1 处问题，已用红色标出。</translation>
    </message>
</context>
<context>
    <name>TransfusionApplyForm</name>
    <message>
        <location filename="../../desktop/ui/takeout/transfusion_form.py" line="104"/>
        <source>Transfusion request</source>
        <translation>输血申请单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/transfusion_form.py" line="147"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/transfusion_form.py" line="147"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>_DictionaryModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="49"/>
        <source>Withdrawn: no longer offered in forms</source>
        <translation>已停用：表单中不再可选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="52"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="52"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="16"/>
        <source>&amp;Dictionaries</source>
        <translation>字典(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="17"/>
        <source>Incoming &amp;bills</source>
        <translation>发血单(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="18"/>
        <source>&amp;Receiving</source>
        <translation>入库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="19"/>
        <source>&amp;Takeout</source>
        <translation>出库(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="20"/>
        <source>&amp;Cancel takeout</source>
        <translation>取消出库(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="21"/>
        <source>&amp;Stock</source>
        <translation>库存(&amp;S)</translation>
    </message>
</context>
</TS>
