<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DocumentsPrinting</name>
    <message>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>已向打印机发送 %1 页。</translation>
    </message>
    <message>
        <source>Preparing pages for the printer…</source>
        <translation>正在准备打印页面…</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>Write PDF…</source>
        <translation>生成 PDF…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Handbook texts…</source>
        <translation>手册正文…</translation>
    </message>
    <message>
        <source>Appraisal sheets</source>
        <translation>绩效考核表</translation>
    </message>
    <message>
        <source>Department handbook</source>
        <translation>电商部运营管理手册</translation>
    </message>
    <message>
        <source>Monthly attendance report</source>
        <translation>月度考勤汇总表</translation>
    </message>
    <message>
        <source>Leave request form</source>
        <translation>请假申请单</translation>
    </message>
    <message>
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Employee receipt form</source>
        <translation>员工签收表</translation>
    </message>
    <message>
        <source>Job description</source>
        <translation>岗位说明书</translation>
    </message>
    <message>
        <source>Blank appraisal form</source>
        <translation>空白考核表</translation>
    </message>
    <message>
        <source>Handover form</source>
        <translation>临时工作交接表</translation>
    </message>
    <message>
        <source>Everybody</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>One file per person</source>
        <translation>每人一个文件</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核期间</translation>
    </message>
    <message>
        <source>For</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Choose a document and press Preview to see its first page.</source>
        <translation>选择文档后点击“预览”，即可查看第一页。</translation>
    </message>
    <message>
        <source>Open the PDF just written</source>
        <translation>打开刚生成的 PDF</translation>
    </message>
    <message>
        <source>Write a PDF first; then open it here.</source>
        <translation>请先生成 PDF，然后在这里打开。</translation>
    </message>
    <message>
        <source>Write a PDF first; then print it here.</source>
        <translation>请先生成 PDF，然后在这里打印。</translation>
    </message>
    <message>
        <source>This run wrote %1 PDF files, one per person; open their folder and print them from there.</source>
        <translation>本次共生成 %1 个 PDF 文件（每人一份）；请打开所在文件夹，从那里打印。</translation>
    </message>
    <message>
        <source>Print the PDF just written</source>
        <translation>打印刚生成的 PDF</translation>
    </message>
    <message>
        <source>Drawing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>Folder for the appraisal sheets</source>
        <translation>考核表保存文件夹</translation>
    </message>
    <message>
        <source>Write PDF</source>
        <translation>写入 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <source>%1 files in %2</source>
        <translation>%1 个文件，位于 %2</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>已生成：%1</translation>
    </message>
    <message>
        <source>PDF written: %1</source>
        <translation>PDF 已写入：%1</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Write a PDF first; then it can be printed.</source>
        <translation>请先生成 PDF，然后才能打印。</translation>
    </message>
</context>
<context>
    <name>FormPrinting</name>
    <message>
        <source>PDF written: %1</source>
        <translation>PDF 已写入：%1</translation>
    </message>
    <message>
        <source>Print form</source>
        <translation>打印表单</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在写入 PDF…</translation>
    </message>
    <message>
        <source>Write PDF</source>
        <translation>写入 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HandbookSectionsDialog</name>
    <message>
        <source>Handbook texts</source>
        <translation>手册正文</translation>
    </message>
    <message>
        <source>Blank lines separate paragraphs. {company}, {department}, {version} and {effective_date} are filled in when printed. Tables, the org chart, job cards and rule numbers follow the data and settings.</source>
        <translation>用空行分隔段落。打印时会自动填入 {company}、{department}、{version} 和 {effective_date}。表格、组织架构图、岗位说明书和制度中的数值取自系统数据和现行设置。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Restore shipped text</source>
        <translation>恢复默认正文</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Edited by %1</source>
        <translation>由 %1 修改</translation>
    </message>
    <message>
        <source>Shipped text</source>
        <translation>默认正文</translation>
    </message>
    <message>
        <source>The title is empty.</source>
        <translation>标题不能为空。</translation>
    </message>
    <message>
        <source>The title is longer than %1 characters.</source>
        <translation>标题超过 %1 个字。</translation>
    </message>
    <message>
        <source>The text is longer than %1 characters.</source>
        <translation>正文超过 %1 个字。</translation>
    </message>
    <message>
        <source>Handbook text saved; the next printed handbook uses it.</source>
        <translation>手册正文已保存，下次打印的手册将使用新正文。</translation>
    </message>
    <message>
        <source>Replace the text of “%1” with the shipped text? Your edited text stays in the audit trail.</source>
        <translation>将“%1”的正文恢复为默认正文吗？修改过的正文仍保留在审计记录中。</translation>
    </message>
</context>
</TS>