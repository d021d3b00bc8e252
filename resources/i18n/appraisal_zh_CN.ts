<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppraisalTab</name>
    <message>
        <source>Appraisal</source>
        <translation>绩效考核</translation>
    </message>
</context>
<context>
    <name>AppraisalView</name>
    <message>
        <source>Scored</source>
        <translation>已评分</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>评分中</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Period </source>
        <translation>考核期间 </translation>
    </message>
    <message>
        <source>New period…</source>
        <translation>新建考核期…</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新开启…</translation>
    </message>
    <message>
        <source>Pull actuals</source>
        <translation>提取实际值</translation>
    </message>
    <message>
        <source>Import scores…</source>
        <translation>导入评分…</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>No appraisal period yet — open one with “New period…”.</source>
        <translation>还没有考核期——点击“新建考核期…”开启一个。</translation>
    </message>
    <message>
        <source>Start scoring</source>
        <translation>开始评分</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>New period</source>
        <translation>新建考核期</translation>
    </message>
    <message>
        <source>Period: 2026-12 (month), 2026-Q4 (quarter), 2026-H2 (half year) or 2026 (year)</source>
        <translation>考核期间：2026-12（月度）、2026-Q4（季度）、2026-H2（半年）或 2026（年度）</translation>
    </message>
    <message>
        <source>Period %1 opened for %2 people.</source>
        <translation>考核期 %1 已开启，共 %2 人。</translation>
    </message>
    <message>
        <source>Grade %1: %2 people, the quota allows %3.</source>
        <translation>等级 %1：%2 人，比例上限为 %3 人。</translation>
    </message>
    <message>
        <source>Forced distribution</source>
        <translation>强制分布</translation>
    </message>
    <message>
        <source>Continue anyway?</source>
        <translation>仍然继续吗？</translation>
    </message>
    <message>
        <source>Lock %1? Its results become read-only; only an administrator can reopen it.</source>
        <translation>锁定 %1？锁定后结果只读，只有管理员可以重新开启。</translation>
    </message>
    <message>
        <source>%1 is now in: %2</source>
        <translation>%1 当前状态：%2</translation>
    </message>
    <message>
        <source>Reopen period</source>
        <translation>重新开启考核期</translation>
    </message>
    <message>
        <source>Why must %1 be reopened?</source>
        <translation>为什么要重新开启 %1？</translation>
    </message>
    <message>
        <source>%1 reopened for scoring.</source>
        <translation>%1 已重新开启评分。</translation>
    </message>
    <message>
        <source>%1 actual values filled from attendance and tasks.</source>
        <translation>已从考勤和任务中提取 %1 项实际值。</translation>
    </message>
    <message>
        <source>Import scores</source>
        <translation>导入评分</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Imported %1 scores for %2 people.</source>
        <translation>已导入 %2 人的 %1 条评分。</translation>
    </message>
    <message>
        <source>Nothing was imported. Fix the rows below and import again.</source>
        <translation>没有导入任何数据。请修改下列行后重新导入。</translation>
    </message>
    <message>
        <source>Importing scores…</source>
        <translation>正在导入评分…</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Quota</source>
        <translation>比例上限</translation>
    </message>
    <message>
        <source>Grade distribution, %1 (%2 people)</source>
        <translation>等级分布，%1（%2 人）</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Grade %1: %2 people, the quota allows %3.</source>
        <translation>等级 %1：%2 人，比例上限为 %3 人。</translation>
    </message>
    <message>
        <source>No scores yet</source>
        <translation>暂无得分</translation>
    </message>
    <message>
        <source>Monthly scores of %1</source>
        <translation>%1 的月度得分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <source>Performance, strengths, what to improve, expectations</source>
        <translation>工作表现、优点、待改进之处与期望</translation>
    </message>
    <message>
        <source>What was discussed and agreed in the performance interview</source>
        <translation>绩效面谈的内容与达成的共识</translation>
    </message>
    <message>
        <source>Save comment</source>
        <translation>保存评语</translation>
    </message>
    <message>
        <source>Save interview record</source>
        <translation>保存面谈记录</translation>
    </message>
    <message>
        <source>File an appeal…</source>
        <translation>提出申诉…</translation>
    </message>
    <message>
        <source>Decide the appeal…</source>
        <translation>处理申诉…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Interview record</source>
        <translation>面谈记录</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>申诉</translation>
    </message>
    <message>
        <source>Appeal until %1 (published %2).</source>
        <translation>申诉截止 %1（%2 公布）。</translation>
    </message>
    <message>
        <source>Not published yet.</source>
        <translation>结果尚未公布。</translation>
    </message>
    <message>
        <source>Comment saved.</source>
        <translation>评语已保存。</translation>
    </message>
    <message>
        <source>Interview record saved.</source>
        <translation>面谈记录已保存。</translation>
    </message>
    <message>
        <source>File an appeal</source>
        <translation>提出申诉</translation>
    </message>
    <message>
        <source>Why do you disagree with the result?</source>
        <translation>您对结果有什么异议？</translation>
    </message>
    <message>
        <source>Appeal filed; HR will investigate and record the decision.</source>
        <translation>申诉已提交；人事将调查并记录处理结果。</translation>
    </message>
    <message>
        <source>Decide the appeal</source>
        <translation>处理申诉</translation>
    </message>
    <message>
        <source>Decision and reasons:</source>
        <translation>处理结果与理由：</translation>
    </message>
    <message>
        <source>Is the appeal upheld?</source>
        <translation>申诉是否成立？</translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation>处理结果已记录。</translation>
    </message>
</context>
<context>
    <name>ScoreForm</name>
    <message>
        <source>Save scores</source>
        <translation>保存评分</translation>
    </message>
    <message>
        <source>Final score:</source>
        <translation>最终得分：</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <source>Choose a person on the left</source>
        <translation>请在左侧选择一位员工</translation>
    </message>
    <message>
        <source>appraised as a manager</source>
        <translation>按管理人员考核</translation>
    </message>
    <message>
        <source>appraised as staff</source>
        <translation>按员工考核</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <source>Weight %</source>
        <translation>权重 %</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Typed total (instead of indicators)</source>
        <translation>直接录入总分（代替指标评分）</translation>
    </message>
    <message>
        <source>Rater&apos;s total</source>
        <translation>评分人总分</translation>
    </message>
    <message>
        <source>rubric A–D</source>
        <translation>等级 A–D</translation>
    </message>
    <message>
        <source>waiting for every rater</source>
        <translation>等待所有评分人评分</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>Scores of %1 saved: %2.</source>
        <translation>%1 的评分已保存：%2。</translation>
    </message>
</context>
</TS>
