<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartPage</name>
    <message>
        <source>Vacant</source>
        <translation>空缺</translation>
    </message>
    <message>
        <source>Change manager</source>
        <translation>调整上级</translation>
    </message>
    <message>
        <source>Make %2 the manager of %1? %1's own team moves along with them.</source>
        <translation>把 %2 设为 %1 的上级？%1 的下属会一起调过去。</translation>
    </message>
    <message>
        <source>%1 cannot report to %2: %2 already reports to %1, directly or through others.</source>
        <translation>%1 不能向 %2 汇报：%2 已经直接或间接向 %1 汇报。</translation>
    </message>
    <message>
        <source>Collapse team</source>
        <translation>收起团队</translation>
    </message>
    <message>
        <source>Expand team</source>
        <translation>展开团队</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <source>Managers only</source>
        <translation>只看管理层</translation>
    </message>
    <message>
        <source>Find a person by name or no. and press Enter…</source>
        <translation>输入姓名或工号后按回车定位…</translation>
    </message>
    <message>
        <source>Drag a person onto their new manager; double-click a box to fold its team.</source>
        <translation>把人拖到新上级上即可调整汇报关系；双击方框可收起/展开其团队。</translation>
    </message>
    <message>
        <source>Double-click a box to fold or unfold its team.</source>
        <translation>双击方框可收起或展开其团队。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 now reports to %2.</source>
        <translation>%1 现在向 %2 汇报。</translation>
    </message>
    <message>
        <source>Nobody matches “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <source> · other matches: %1</source>
        <translation> · 另有 %1 人匹配</translation>
    </message>
    <message>
        <source>Org chart saved to %1 (pages: %2).</source>
        <translation>组织架构图已保存到 %1（共 %2 页）。</translation>
    </message>
    <message>
        <source>Organization chart</source>
        <translation>组织架构图</translation>
    </message>
    <message>
        <source>Org chart sent to the printer.</source>
        <translation>组织架构图已发送到打印机。</translation>
    </message>
    <message>
        <source>Export chart to PNG</source>
        <translation>导出组织架构图为图片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Org chart saved to %1.</source>
        <translation>组织架构图已保存到 %1。</translation>
    </message>
    <message>
        <source>Export chart to PDF</source>
        <translation>导出组织架构图为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the org chart PDF…</source>
        <translation>正在生成组织架构图 PDF…</translation>
    </message>
</context>
<context>
    <name>DepartmentForm</name>
    <message>
        <source>The head scores the department's staff with the largest weight. Automatic: the holder of the department's manager position, else the one member who leads people in it, else the parent department's head.</source>
        <translation>部门负责人对本部门员工的评分权重最大。自动：部门经理岗位的在岗人；否则为部门内唯一带人的成员；否则为上级部门的负责人。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>上级部门</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>部门职能</translation>
    </message>
    <message>
        <source>People in its positions</source>
        <translation>本部门岗位在岗人数</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶级部门）</translation>
    </message>
</context>
<context>
    <name>OrgForm</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>OrgTab</name>
    <message>
        <source>Org chart</source>
        <translation>组织架构</translation>
    </message>
</context>
<context>
    <name>OrgView</name>
    <message>
        <source>Chart</source>
        <translation>架构图</translation>
    </message>
    <message>
        <source>Departments and positions</source>
        <translation>部门与岗位</translation>
    </message>
</context>
<context>
    <name>PdfOptionsDialog</name>
    <message>
        <source>Export chart to PDF</source>
        <translation>导出组织架构图为 PDF</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <source>Tile over several pages at a readable size (for large charts)</source>
        <translation>按可读大小分页拼接（适合大型架构图）</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PositionForm</name>
    <message>
        <source>not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Appraised as a middle manager</source>
        <translation>按中层管理人员考核</translation>
    </message>
    <message>
        <source>One duty per line; they are numbered on the card.</source>
        <translation>每行一条职责，岗位说明书上自动编号。</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>所属部门</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>汇报对象</translation>
    </message>
    <message>
        <source>Direct supervisor</source>
        <translation>直接督导</translation>
    </message>
    <message>
        <source>Drawn up on</source>
        <translation>制定日期</translation>
    </message>
    <message>
        <source>Planned headcount</source>
        <translation>编制人数</translation>
    </message>
    <message>
        <source>Actual headcount</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>职责描述</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>工作职责</translation>
    </message>
    <message>
        <source>Job description: %1</source>
        <translation>岗位说明书：%1</translation>
    </message>
    <message>
        <source>New position</source>
        <translation>新建岗位</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>暂无人员</translation>
    </message>
</context>
<context>
    <name>StructurePage</name>
    <message>
        <source>Choose a department or a position on the left to see its card.</source>
        <translation>在左侧选择部门或岗位，查看并编辑其说明。</translation>
    </message>
    <message>
        <source>New position</source>
        <translation>新建岗位</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <source>Print job description…</source>
        <translation>打印岗位说明书…</translation>
    </message>
    <message>
        <source>Blank appraisal form…</source>
        <translation>空白考核表…</translation>
    </message>
    <message>
        <source>Department / position</source>
        <translation>部门 / 岗位</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>编制</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Staffing</source>
        <translation>配置情况</translation>
    </message>
    <message>
        <source>Planned %1 · actual %2 · vacant %3 · over plan %4</source>
        <translation>编制 %1 人 · 在岗 %2 人 · 缺编 %3 人 · 超编 %4 人</translation>
    </message>
    <message>
        <source>Under by %1</source>
        <translation>缺编 %1</translation>
    </message>
    <message>
        <source>Over by %1</source>
        <translation>超编 %1</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>满编</translation>
    </message>
    <message>
        <source>Save department</source>
        <translation>保存部门</translation>
    </message>
    <message>
        <source>Department %1 saved.</source>
        <translation>部门“%1”已保存。</translation>
    </message>
    <message>
        <source>Save position</source>
        <translation>保存岗位</translation>
    </message>
    <message>
        <source>Position %1 saved.</source>
        <translation>岗位“%1”已保存。</translation>
    </message>
    <message>
        <source>Delete the department %1? Its empty positions and their job cards are deleted with it. This cannot be undone.</source>
        <translation>删除部门“%1”？其下无人的岗位及岗位说明书会一并删除，且无法恢复。</translation>
    </message>
    <message>
        <source>Delete department</source>
        <translation>删除部门</translation>
    </message>
    <message>
        <source>Department %1 deleted.</source>
        <translation>部门“%1”已删除。</translation>
    </message>
    <message>
        <source>Delete the position %1 and its job card? Positions that report to it will report to nobody. This cannot be undone.</source>
        <translation>删除岗位“%1”及其岗位说明书？原向它汇报的岗位将不再有汇报对象，且无法恢复。</translation>
    </message>
    <message>
        <source>Delete position</source>
        <translation>删除岗位</translation>
    </message>
    <message>
        <source>Position %1 deleted.</source>
        <translation>岗位“%1”已删除。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>