<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>EmployeeDialog</name>
    <message>
        <source>Edit employee</source>
        <translation>编辑员工</translation>
    </message>
    <message>
        <source>New employee</source>
        <translation>新建员工</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Has left on</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>the user no. on the fingerprint clock</source>
        <translation>指纹考勤机上的用户号</translation>
    </message>
    <message>
        <source>4-8 digits; empty keeps the current PIN</source>
        <translation>4–8 位数字；留空则保留原密码</translation>
    </message>
    <message>
        <source>4-8 digits</source>
        <translation>4–8 位数字</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>生成新卡号</translation>
    </message>
    <message>
        <source>A random badge code nobody else has (print it as the badge's barcode)</source>
        <translation>随机生成一个与他人不重复的工卡号（可打印为工卡条码）</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>工卡号</translation>
    </message>
    <message>
        <source>Clock no.</source>
        <translation>考勤号码</translation>
    </message>
    <message>
        <source>Kiosk PIN</source>
        <translation>考勤密码</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EmployeesTab</name>
    <message>
        <source>Employees</source>
        <translation>员工</translation>
    </message>
</context>
<context>
    <name>EmployeesView</name>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>工卡号</translation>
    </message>
    <message>
        <source>Clock no.</source>
        <translation>考勤号码</translation>
    </message>
    <message>
        <source>Search name, no., department, position…</source>
        <translation>搜索姓名、工号、部门、岗位…</translation>
    </message>
    <message>
        <source>Show people who left</source>
        <translation>显示已离职人员</translation>
    </message>
    <message>
        <source>New employee</source>
        <translation>新建员工</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Mark as left</source>
        <translation>办理离职</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>No employees yet — import a roster (CSV/XLSX) or add a new employee.</source>
        <translation>还没有员工——导入花名册（CSV/XLSX）或新建员工。</translation>
    </message>
    <message>
        <source>Nobody matches “%1”. Search by name, pinyin or initials (zyt), no., department or position.</source>
        <translation>没有找到与“%1”匹配的员工。可按姓名、拼音或首字母（zyt）、工号、部门或岗位搜索。</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n people</source>
        <translation>
            <numerusform>显示 %1 / 共 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Employee %1 added.</source>
        <translation>已添加员工 %1。</translation>
    </message>
    <message>
        <source>Employee %1 saved.</source>
        <translation>已保存员工 %1。</translation>
    </message>
    <message>
        <source>%1 (%2) will be marked as left. From the day after the leave date they are no longer scheduled, cannot clock in, and are not appraised. Their records are kept.</source>
        <translation>%1（%2）将办理离职。离职日期之后不再排班、不能打卡、不参加考核。其历史记录全部保留。</translation>
    </message>
    <message>
        <source>Leave date</source>
        <translation>离职日期</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 marked as left.</source>
        <translation>%1 已办理离职。</translation>
    </message>
    <message>
        <source>Import employees</source>
        <translation>导入员工</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Import %1?</source>
        <translation>导入 %1？</translation>
    </message>
    <message>
        <source>Only the columns in the file are changed, and an empty cell keeps the current value.
To clear a field, write - or (清空) in its cell.
Someone who has left comes back only when the 状态 (status) column says 在职 or 试用.
Employees who are not in the file stay as they are.</source>
        <translation>只修改文件中有的列；空白单元格保留现有内容。
要清空某个字段，请在单元格中填写 - 或 (清空)。
已离职的人只有在“状态”列写明 在职 或 试用 时才会恢复。
文件中没有的员工保持不变。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>导入完成：新增 %1 人，更新 %2 人。</translation>
    </message>
    <message>
        <source>Importing employees…</source>
        <translation>正在导入员工…</translation>
    </message>
    <message>
        <source>Nothing was imported. Fix the rows below and import again.</source>
        <translation>未导入任何数据。请修改以下各行后重新导入。</translation>
    </message>
    <message>
        <source>Export employees</source>
        <translation>导出员工</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 employees.</source>
        <translation>已导出 %1 名员工。</translation>
    </message>
</context>
</TS>