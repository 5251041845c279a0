<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="16"/>
        <source>About blood-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="19"/>
        <source>training platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="25"/>
        <source>Blood-bank counter for the Shanghai clinical blood-use platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="29"/>
        <source>Platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="31"/>
        <source>Data directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="35"/>
        <source>Workstation: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillBagModel</name>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="205"/>
        <source>Bag id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="206"/>
        <source>Donation number (DIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="207"/>
        <source>Product code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="208"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="209"/>
        <source>ABO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="210"/>
        <source>Rh(D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="211"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="225"/>
        <source>The platform sent “%1”; check the bag&apos;s label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillListModel</name>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="68"/>
        <source>Bill number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="69"/>
        <source>Dispatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="70"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="71"/>
        <source>Bags received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="72"/>
        <source>Remark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="77"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="78"/>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="79"/>
        <source>Partly received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="80"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="107"/>
        <source>Arrived while the desk was open; press Enter to open it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillSumModel</name>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="260"/>
        <source>Sub-class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="261"/>
        <source>ABO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="262"/>
        <source>Rh(D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="263"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="264"/>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/bill_models.py" line="282"/>
        <source>The platform sent “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BillsTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="106"/>
        <source>Scan or type a bill number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="114"/>
        <source>Choose a bill and press Enter to see its bags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="116"/>
        <source>Recei&amp;ve this bill (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="145"/>
        <source>Bill &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="213"/>
        <source>Opening bill %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="222"/>
        <source>Bill %1 is not kept here; asking the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="265"/>
        <source>Bill %1 · %2 bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="269"/>
        <source>dispatched %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bills.py" line="327"/>
        <source>That did not work.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelBagsModel</name>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="131"/>
        <source>Bag id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="132"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="133"/>
        <source>ABO / Rh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="134"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="201"/>
        <source>Cancelled %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="206"/>
        <source>Moved on since: cannot be cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="207"/>
        <source>Taken out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="74"/>
        <source>Takeout number, or the patient&apos;s name, ID number, visit or record number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="83"/>
        <source>Last cancellation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="84"/>
        <source>Canc&amp;el the ticked bags (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="95"/>
        <source>&amp;Find takeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="97"/>
        <source>Ba&amp;gs (Space ticks; ticked bags are cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="99"/>
        <source>Reason for cance&amp;lling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="101"/>
        <source>Tick &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="102"/>
        <source>Tick &amp;none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="143"/>
        <source>nobody (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/cancel.py" line="144"/>
        <source>Operator: %1; time: when submitted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="145"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="146"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="147"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="148"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../desktop/ui/crash.py" line="53"/>
        <source>blood-desk: unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/crash.py" line="56"/>
        <source>An unexpected error occurred. Your saved records are safe. Please tell hospital IT and give them the details below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeliveryView</name>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="38"/>
        <source>No receipt submitted yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="44"/>
        <source>Print rec&amp;eipt (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="45"/>
        <source>Save as PD&amp;F (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="79"/>
        <source>Save the receipt as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/delivery_view.py" line="89"/>
        <source>Receipt %1 saved · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentActions</name>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="162"/>
        <source>&amp;Add department…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="163"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="164"/>
        <source>Disable / enable (&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="165"/>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="190"/>
        <location filename="../../desktop/ui/tabs/departments.py" line="234"/>
        <source>Choose a department in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="198"/>
        <source>Import departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="198"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="247"/>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="59"/>
        <source>Edit department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="59"/>
        <source>Add department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="65"/>
        <source>In &amp;use (offered in takeout forms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="69"/>
        <source>Department &amp;id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="71"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/departments.py" line="73"/>
        <source>Short &amp;code (pinyin)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepartmentModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="249"/>
        <source>Department id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="250"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="251"/>
        <source>Short code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="252"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="270"/>
        <source>Disabled: not offered in takeout forms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="51"/>
        <source>Outbox: …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="55"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="56"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="57"/>
        <source>Offline: records are kept and sent later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="58"/>
        <source>Paused: the platform rejects our credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="62"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="68"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="69"/>
        <source>Last sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="73"/>
        <source>Outbox: %1 waiting · %2 in doubt · %3 need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="84"/>
        <source>Today&apos;s outflow unsent: %1 · %2 left to 00:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="89"/>
        <source>Overdue records from earlier days!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="96"/>
        <source>No operator (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_bar.py" line="98"/>
        <source>Operator: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DictionariesTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="99"/>
        <source>Name, code or short code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="122"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="124"/>
        <source>Product classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="126"/>
        <source>Sub-classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="128"/>
        <source>Facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="130"/>
        <source>Diseases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="132"/>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="166"/>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="208"/>
        <source>Type part of a name or a code to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="210"/>
        <source>Nothing matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="212"/>
        <source>First %1 matches: type more to narrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="215"/>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="219"/>
        <source>Kept at this desk: the platform has no department list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="221"/>
        <source>Never synced: press “Sync now”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="224"/>
        <source>Synced %1 · %2 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionaries.py" line="230"/>
        <source>Search failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DictionarySyncButton</name>
    <message>
        <location filename="../../desktop/ui/tabs/dictionary_sync.py" line="31"/>
        <location filename="../../desktop/ui/tabs/dictionary_sync.py" line="65"/>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionary_sync.py" line="32"/>
        <source>Fetch every dictionary from the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/dictionary_sync.py" line="54"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiseaseModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="219"/>
        <source>ICD-10 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="220"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="221"/>
        <source>Platform id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FacilityModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="185"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="186"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="187"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="188"/>
        <source>In service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="43"/>
        <source>Override needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="43"/>
        <source>Confirm this bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="45"/>
        <source>Bag %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="52"/>
        <source>Why this bag is issued all the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="56"/>
        <source>Issue with override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="56"/>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/issue_dialog.py" line="59"/>
        <source>Do not issue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="33"/>
        <source>blood-desk · Blood bank counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="50"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="72"/>
        <source>&amp;Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="74"/>
        <source>&amp;Operator on duty…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="75"/>
        <source>&amp;Sync with the platform now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="76"/>
        <source>Send the &amp;outbox now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="77"/>
        <source>Outbox &amp;list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78"/>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="79"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="83"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="84"/>
        <source>&amp;About blood-desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="114"/>
        <source>培训模式 · TRAINING — records go to the training platform only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedicalRecordForm</name>
    <message>
        <location filename="../../desktop/ui/takeout/medical_record_form.py" line="60"/>
        <source>Patient record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewBillBanner</name>
    <message>
        <location filename="../../desktop/ui/tabs/bill_arrivals.py" line="32"/>
        <source>&amp;Open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bill_arrivals.py" line="34"/>
        <source>Dis&amp;miss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bill_arrivals.py" line="69"/>
        <source>New bill %1 has arrived from the blood station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/bill_arrivals.py" line="72"/>
        <source>%1 new bills have arrived; the newest is %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../desktop/ui/operator.py" line="39"/>
        <source>Operator on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="48"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="49"/>
        <source>&amp;Staff number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="58"/>
        <source>Enter who is working at the counter. It is recorded with every record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="72"/>
        <source>Enter the operator&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operator.py" line="76"/>
        <source>Enter the operator&apos;s staff number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="50"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="61"/>
        <source>Show &amp;delivered and withdrawn records too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="66"/>
        <source>Choose a record to see its document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="67"/>
        <source>&amp;Resend corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="68"/>
        <source>&amp;Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="69"/>
        <source>&amp;Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="155"/>
        <source>Choose the operator on duty first (F2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="168"/>
        <source>The document is not valid JSON (line %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="190"/>
        <source>Withdraw a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="192"/>
        <source>Withdrawing takes this record back, with the records held behind it, and undoes their effect on the local stock. Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outbox_dialog.py" line="207"/>
        <source>Withdrawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="98"/>
        <source>Product code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="99"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="100"/>
        <source>Short name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="101"/>
        <source>Sub-class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="102"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="103"/>
        <source>Volume per bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="104"/>
        <source>Units per bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="105"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="60"/>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="61"/>
        <source>Receipt type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="62"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="63"/>
        <source>Receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="64"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="65"/>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="66"/>
        <source>Received at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="68"/>
        <source>Blood receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="78"/>
        <source>Discrepancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="80"/>
        <source>Received by (signature):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="85"/>
        <source>Bag id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="85"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="85"/>
        <source>ABO / Rh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="85"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/receipt.py" line="108"/>
        <source>Total: %1 bags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceivingModel</name>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="94"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="95"/>
        <source>Bag id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="96"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="97"/>
        <source>ABO / Rh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="98"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="99"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="102"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="103"/>
        <source>Not expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="104"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="105"/>
        <source>Not scanned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/receiving_models.py" line="106"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceivingTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="73"/>
        <source>Submit the receipt (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="116"/>
        <source>Opening bill %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="145"/>
        <source>Choose where the bags come from first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="146"/>
        <source>Pick the bill, the hospital or the department above, then scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="171"/>
        <source>Cannot be received here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="226"/>
        <source>Discard the scans?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="227"/>
        <source>%1 scanned bags have not been submitted. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="255"/>
        <source>Bill %1 is fully received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="256"/>
        <source>Every bag of this bill is in stock already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="261"/>
        <source>Bill %1: %2 scans kept from before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="264"/>
        <source>Go on scanning the bags still to come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="276"/>
        <source>Bill %1 could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="351"/>
        <source>No receipt yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/receiving.py" line="351"/>
        <source>Submit a receipt first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestedBloodsEditor</name>
    <message>
        <location filename="../../desktop/ui/takeout/requested_bloods.py" line="50"/>
        <source>Products requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/requested_bloods.py" line="74"/>
        <source>&amp;Add product</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestedBloodsModel</name>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="239"/>
        <source>Product class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="240"/>
        <source>ABO / Rh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="241"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="242"/>
        <source>ml</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanFeedback</name>
    <message>
        <location filename="../../desktop/ui/scan_feedback.py" line="127"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/scan_feedback.py" line="128"/>
        <source>Check before accepting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/scan_feedback.py" line="129"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/scan_feedback.py" line="130"/>
        <source>Ready: scan a blood bag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="59"/>
        <source>Scan a bag&apos;s bar codes, or type a bag id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="65"/>
        <source>Show only bags still needing wor&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="67"/>
        <source>Re&amp;move the selected row (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="70"/>
        <source>Sc&amp;an</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="89"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="90"/>
        <source>Received: read the warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="91"/>
        <source>Label agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="92"/>
        <source>Label disagrees with the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="93"/>
        <source>Product code does not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="94"/>
        <source>Scan the product code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="95"/>
        <source>Scan the DIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="96"/>
        <source>Checking with the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="97"/>
        <source>Not on this bill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="98"/>
        <source>Already scanned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="99"/>
        <source>Already received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="100"/>
        <source>Expired: set it aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="101"/>
        <source>Do not use: set it aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="102"/>
        <source>Unknown product code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="103"/>
        <source>Unknown to the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="104"/>
        <source>Duplicate bag records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="105"/>
        <source>Wrong check character: scan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="106"/>
        <source>Not readable: scan again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="158"/>
        <source>Expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="159"/>
        <source>Received %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="161"/>
        <source>Missing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="162"/>
        <source>Not on the bill %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="163"/>
        <source>Refused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/scan_panel.py" line="165"/>
        <source>Checking %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPicker</name>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="90"/>
        <source>(looking up…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="99"/>
        <source>(not in the local list)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="52"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="57"/>
        <source>&amp;Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="58"/>
        <source>&amp;Counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="69"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="88"/>
        <source>empty: use the training platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="92"/>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="94"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="99"/>
        <source>&amp;Verify the platform&apos;s certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="107"/>
        <source>Token URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="108"/>
        <source>Service URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="109"/>
        <source>Dispatch list URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="110"/>
        <source>Client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="111"/>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="112"/>
        <location filename="../../desktop/ui/settings_dialog.py" line="159"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="114"/>
        <source>Dispatch list polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="121"/>
        <source>Keyboard (USB scanner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="133"/>
        <source>Play a &amp;sound for each scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="147"/>
        <source>Workstation name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="148"/>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="149"/>
        <source>Serial baud rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="151"/>
        <source>Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="152"/>
        <source>First deadline warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="153"/>
        <source>Urgent deadline warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="154"/>
        <source>Keep patient data after sending (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="159"/>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="225"/>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="242"/>
        <source>Connection test failed: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="106"/>
        <source>&amp;1 From the blood station (151)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="107"/>
        <source>&amp;2 Transfer-in from a hospital (1001)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="108"/>
        <source>&amp;3 Returned by a department (1006)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="122"/>
        <source>Type or scan a bill number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="125"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="130"/>
        <source>Bi&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="131"/>
        <source>Bill &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="139"/>
        <source>Type part of the hospital&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="140"/>
        <source>The other hospital&apos;s transfer-out number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="141"/>
        <source>Hosp&amp;ital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="142"/>
        <source>Transfer-&amp;out number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="148"/>
        <source>Type part of the name or the short code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="149"/>
        <source>De&amp;partment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/source_form.py" line="176"/>
        <source>%1 bags, %2 received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockBagModel</name>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="183"/>
        <source>Bag id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="184"/>
        <source>Donation number (DIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="185"/>
        <source>Product code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="186"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="187"/>
        <source>ABO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="188"/>
        <source>Rh(D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="189"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="190"/>
        <source>Expiry state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="191"/>
        <source>On the shelf since</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockChart</name>
    <message>
        <location filename="../../desktop/ui/tabs/stock_chart.py" line="60"/>
        <source>Bags on the shelf by blood group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock_chart.py" line="80"/>
        <source>Bags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockSummaryModel</name>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="107"/>
        <source>Product code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="108"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="109"/>
        <source>ABO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="110"/>
        <source>Rh(D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="111"/>
        <source>Bags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="112"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/stock_models.py" line="113"/>
        <source>First expiry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="106"/>
        <location filename="../../desktop/ui/tabs/stock.py" line="107"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="108"/>
        <source>E&amp;xpiring within 72 h only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="128"/>
        <source>&amp;Product:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="129"/>
        <source>AB&amp;O:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="130"/>
        <source>Rh(D) &amp;group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="223"/>
        <source>On the shelf: %1 bags · %2 expired · %3 expire within 24 h · %4 within 72 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/stock.py" line="237"/>
        <source>All products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubmitFlow</name>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="67"/>
        <source>Nothing to submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="67"/>
        <source>Scan the bags first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="71"/>
        <source>Still checking with the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="72"/>
        <source>Wait until every bag has been checked, then submit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="112"/>
        <source>No operator on duty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="113"/>
        <source>Choose the operator on duty (F2) before submitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="130"/>
        <source>The receipt is not complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="137"/>
        <source>Bags missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="139"/>
        <source>%1 bags of the bill were not received. Submit the receipt without them? They are recorded as missing in the receipt&apos;s description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="179"/>
        <source>Receipt %1 saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="180"/>
        <source>It is sent to the platform from the outbox; print it with Ctrl+P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/receiving/submit_flow.py" line="192"/>
        <source>The receipt was not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeoutBagsModel</name>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="116"/>
        <source>Bag id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="117"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="118"/>
        <source>ABO / Rh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="119"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="120"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="121"/>
        <source>Reason / override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="164"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="165"/>
        <source>Needs checking again: remove and rescan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="167"/>
        <source>Overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="169"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/takeout_models.py" line="170"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeoutBagsPanel</name>
    <message>
        <location filename="../../desktop/ui/takeout/bag_scan.py" line="96"/>
        <source>Scan a bag (DIN and product code, or bag id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/bag_scan.py" line="111"/>
        <source>Ba&amp;gs going out (Delete removes the selected ones)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeoutHistoryModel</name>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="66"/>
        <source>Takeout number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="67"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="68"/>
        <source>Taken out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="69"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="70"/>
        <source>Bags (not cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/cancel_models.py" line="71"/>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeoutTab</name>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="85"/>
        <source>Last takeout: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="100"/>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="102"/>
        <source>Receiving hos&amp;pital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="126"/>
        <source>&amp;Import HIS request… (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="127"/>
        <source>&amp;New takeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="128"/>
        <source>S&amp;ubmit takeout (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="170"/>
        <source>Scrap reas&amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="170"/>
        <source>Re&amp;mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="299"/>
        <source>The takeout in progress was restored; scan its bags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="305"/>
        <source>Import a transfusion request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="305"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="322"/>
        <source>Request imported: check it, then scan the bags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/takeout.py" line="326"/>
        <source>Request not imported cleanly: %1 problem(s), shown in red.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransfusionApplyForm</name>
    <message>
        <location filename="../../desktop/ui/takeout/transfusion_form.py" line="104"/>
        <source>Transfusion request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/transfusion_form.py" line="147"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/transfusion_form.py" line="147"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_DictionaryModel</name>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="49"/>
        <source>Withdrawn: no longer offered in forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="52"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/dictionary_models.py" line="52"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>picker</name>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="194"/>
        <source>Type a disease name or ICD-10 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="201"/>
        <source>Type a department name or short code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/takeout/pickers.py" line="208"/>
        <source>Type the receiving hospital&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="16"/>
        <source>&amp;Dictionaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="17"/>
        <source>Incoming &amp;bills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="18"/>
        <source>&amp;Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="19"/>
        <source>&amp;Takeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="20"/>
        <source>&amp;Cancel takeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tabs/__init__.py" line="21"/>
        <source>&amp;Stock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
