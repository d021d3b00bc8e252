<?xml version='1.0' encoding='utf-8'?>
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
        <translation>分数</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Monthly label</source>
        <translation>月度评价</translation>
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
        <source>Calibrate…</source>
        <translation>校准…</translation>
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
        <source>Templates…</source>
        <translation>考核表模板…</translation>
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
        <source>Change raters of the selected person…</source>
        <translation>调整所选人员的评分人…</translation>
    </message>
    <message>
        <source>General manager delegates to the supervising leaders</source>
        <translation>总经理授权分管领导</translation>
    </message>
    <message>
        <source>Mutual rating: rate colleagues…</source>
        <translation>互评：为同事评分…</translation>
    </message>
    <message>
        <source>Mutual rating: results…</source>
        <translation>互评：查看结果…</translation>
    </message>
    <message>
        <source>Raters</source>
        <translation>评分人</translation>
    </message>
    <message>
        <source>New period</source>
        <translation>新建考核期</translation>
    </message>
    <message>
        <source>Change raters</source>
        <translation>调整评分人</translation>
    </message>
    <message>
        <source>Choose a person on the left first.</source>
        <translation>请先在左侧选择一个人。</translation>
    </message>
    <message>
        <source>Raters of %1 changed.</source>
        <translation>%1 的评分人已调整。</translation>
    </message>
    <message>
        <source>The general manager delegates his part of %1 to the supervising leaders? Every person's general manager weight moves to their supervising leader.</source>
        <translation>总经理将 %1 的评分授权给分管领导？每个人的总经理权重将转给其分管领导。</translation>
    </message>
    <message>
        <source>Take the general manager's delegation of %1 back? His weight returns to him.</source>
        <translation>收回总经理对 %1 的授权？总经理权重将恢复。</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Delegation in %1 changed for %2 people.</source>
        <translation>%1 的授权已调整，涉及 %2 人。</translation>
    </message>
    <message>
        <source>Mutual rating</source>
        <translation>互评</translation>
    </message>
    <message>
        <source>Your anonymous ballot rates %1 colleagues.</source>
        <translation>你的匿名互评已提交，共评价 %1 位同事。</translation>
    </message>
    <message>
        <source>Period %1 opened for %2 people.</source>
        <translation>考核期 %1 已开启，共 %2 人。</translation>
    </message>
    <message>
        <source>results due %1</source>
        <translation>结果须在 %1 前完成</translation>
    </message>
    <message>
        <source>overdue: %1</source>
        <translation>已逾期：%1</translation>
    </message>
    <message>
        <source>Grade %1: %2 people, the quota allows %3.</source>
        <translation>等级 %1：%2 人，比例上限为 %3 人。</translation>
    </message>
    <message>
        <source>The grades break the forced distribution. Why do you approve %1 anyway?</source>
        <translation>等级分布超出强制分布比例。为什么仍要批准 %1？</translation>
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
    <name>CalibrationDialog</name>
    <message>
        <source>Calibrate grades — %1</source>
        <translation>等级校准 — %1</translation>
    </message>
    <message>
        <source>Drag a person to another grade and give a reason. The computed score and grade are kept; the sheets print both.</source>
        <translation>把人员拖到另一个等级并填写原因。计算得分和等级保持不变；考核表同时打印两者。</translation>
    </message>
    <message>
        <source>%1 people · quota %2% (no cap)</source>
        <translation>%1 人 · 比例 %2%（不设上限）</translation>
    </message>
    <message>
        <source>%1 people · quota %2% = at most %3</source>
        <translation>%1 人 · 比例 %2% = 最多 %3 人</translation>
    </message>
    <message>
        <source>The grades break the forced distribution: approval needs the general manager's reason.</source>
        <translation>等级分布超出强制分布比例：批准需由总经理填写原因。</translation>
    </message>
    <message>
        <source>The grades keep to the forced distribution.</source>
        <translation>等级分布符合强制分布比例。</translation>
    </message>
    <message>
        <source>Score %1 · computed %2</source>
        <translation>得分 %1 · 计算等级 %2</translation>
    </message>
    <message>
        <source>Calibrated from %1</source>
        <translation>已校准（原 %1）</translation>
    </message>
    <message>
        <source>Reason: %1 (%2)</source>
        <translation>原因：%1（%2）</translation>
    </message>
    <message>
        <source>Nobody calibrates their own grade.</source>
        <translation>任何人不得校准自己的等级。</translation>
    </message>
    <message>
        <source>Calibrate grade</source>
        <translation>校准等级</translation>
    </message>
    <message>
        <source>Why does %1 move from %2 to %3?</source>
        <translation>为什么将 %1 从 %2 调整为 %3？</translation>
    </message>
    <message>
        <source>%1 moved to %2.</source>
        <translation>%1 已调整为 %2。</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>No scores in this period yet</source>
        <translation>本期还没有评分</translation>
    </message>
    <message>
        <source>Grade distribution, %1</source>
        <translation>等级分布，%1</translation>
    </message>
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
        <translation>分数</translation>
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
        <source>Finish rescoring…</source>
        <translation>结束重新评分…</translation>
    </message>
    <message>
        <source>The appeal was upheld and the result reopened: close it once the raters have rescored.</source>
        <translation>申诉成立，结果已重新开放：评分人重新评分后请结束重评。</translation>
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
        <source>The appeal was upheld: this result is open for rescoring.</source>
        <translation>申诉成立：此结果已开放重新评分。</translation>
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
    <message>
        <source>Appeal upheld: the result is open for rescoring.</source>
        <translation>申诉成立：结果已开放重新评分。</translation>
    </message>
    <message>
        <source>Finish rescoring</source>
        <translation>结束重新评分</translation>
    </message>
    <message>
        <source>Note for the record (optional):</source>
        <translation>备注（可选）：</translation>
    </message>
    <message>
        <source>Rescoring finished; the result is final again.</source>
        <translation>重新评分已结束，结果重新生效。</translation>
    </message>
<message>
        <source>Interview summary</source>
        <translation>面谈摘要</translation>
    </message>
    <message>
        <source>Save interview summary</source>
        <translation>保存面谈摘要</translation>
    </message>
    <message>
        <source>Interview record (4 stages)…</source>
        <translation>绩效面谈记录（四个环节）…</translation>
    </message>
    <message>
        <source>Talk with the supervising leader…</source>
        <translation>与分管领导面谈…</translation>
    </message>
    <message>
        <source>Print appeal form…</source>
        <translation>打印考核申诉表…</translation>
    </message>
    <message>
        <source>Annual work report…</source>
        <translation>述职报告…</translation>
    </message>
    <message>
        <source>Five-year history…</source>
        <translation>五年考核记录…</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Interview record — confirm…</source>
        <translation>绩效面谈记录 — 待确认…</translation>
    </message>
    <message>
        <source>Talk with %1 on %2: %3</source>
        <translation>%2 与 %1 面谈：%3</translation>
    </message>
    <message>
        <source>Write PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF written: %1</source>
        <translation>PDF 已生成：%1</translation>
    </message>
    <message>
        <source>Talk with the supervising leader</source>
        <translation>与分管领导面谈</translation>
    </message>
    <message>
        <source>What was found and agreed in the talk about the appeal:</source>
        <translation>申诉面谈中核实和商定的内容：</translation>
    </message>
    <message>
        <source>Talk about the appeal recorded.</source>
        <translation>申诉面谈已记录。</translation>
    </message>
    </context>
<context>
    <name>MutualBallotDialog</name>
    <message>
        <source>Mutual rating %1</source>
        <translation>%1 互评</translation>
    </message>
    <message>
        <source>Rate the colleagues you worked with, 0–100. The rating is anonymous: nobody, the person rated included, can see who gave which score. It is a reference for choosing advanced workers and is not counted in any appraisal score. You vote once.</source>
        <translation>请为共事的同事打分（0–100）。互评是匿名的：任何人（包括被评价人）都看不到谁打了多少分。互评结果仅作评选先进的参考，不计入任何考核分数。每人只能提交一次。</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>不评</translation>
    </message>
    <message>
        <source>Cast ballot</source>
        <translation>提交互评</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 colleagues rated</source>
        <translation>已评价 %1 位同事</translation>
    </message>
</context>
<context>
    <name>MutualResultsDialog</name>
    <message>
        <source>Mutual rating %1: results</source>
        <translation>%1 互评结果</translation>
    </message>
    <message>
        <source>%1 ballots cast. A reference for choosing advanced workers: not counted in any score; who rated whom is not recorded.</source>
        <translation>共收到 %1 张选票。仅作评选先进的参考，不计入任何考核分数；不记录谁评价了谁。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
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
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NewPeriodDialog</name>
    <message>
        <source>New period</source>
        <translation>新建考核期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Open period</source>
        <translation>开启考核期</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1 月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Q%1 (months %2–%3)</source>
        <translation>第 %1 季度（%2–%3 月）</translation>
    </message>
    <message>
        <source>Half year</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>First half (January–June)</source>
        <translation>上半年（1–6 月）</translation>
    </message>
    <message>
        <source>Second half (July–December)</source>
        <translation>下半年（7–12 月）</translation>
    </message>
    <message>
        <source>Period %1 already exists.</source>
        <translation>考核期 %1 已存在。</translation>
    </message>
</context>
<context>
    <name>RaterChangeDialog</name>
    <message>
        <source>Raters of %1 in %2</source>
        <translation>%1 在 %2 的评分人</translation>
    </message>
    <message>
        <source> (shared)</source>
        <translation>（共同分摊）</translation>
    </message>
    <message>
        <source>Rater</source>
        <translation>评分人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Replace the rater of the role</source>
        <translation>更换该角色的评分人</translation>
    </message>
    <message>
        <source>Add a rater beside them (the role's weight is shared)</source>
        <translation>增加一位评分人（共同分摊该角色权重）</translation>
    </message>
    <message>
        <source>e.g. the new head rates after consulting the former one</source>
        <translation>例如：新部门负责人征求原负责人意见后评分</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>调整方式</translation>
    </message>
    <message>
        <source>New rater</source>
        <translation>新评分人</translation>
    </message>
    <message>
        <source>Change raters</source>
        <translation>调整评分人</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose the new rater.</source>
        <translation>请选择新评分人。</translation>
    </message>
    <message>
        <source>Write a note on the change (for example: the new head consulted the former one).</source>
        <translation>请填写调整说明（例如：新负责人已征求原负责人意见）。</translation>
    </message>
</context>
<context>
    <name>SchemeDialog</name>
    <message>
        <source>Appraisal scheme library</source>
        <translation>考核方案库</translation>
    </message>
    <message>
        <source>Tick staff positions</source>
        <translation>勾选员工岗位</translation>
    </message>
    <message>
        <source>Tick manager positions</source>
        <translation>勾选管理岗位</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除勾选</translation>
    </message>
    <message>
        <source>Apply to ticked positions</source>
        <translation>套用到勾选的岗位</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>考核方案</translation>
    </message>
    <message>
        <source>Positions (tick those that get the scheme)</source>
        <translation>岗位（勾选要套用此方案的岗位）</translation>
    </message>
    <message>
        <source>Applying writes a new template version for each ticked position. Periods already open keep the template they were opened with.</source>
        <translation>套用后，每个勾选的岗位生成新版考核表。已开启的考核期仍使用开启时的考核表。</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Half-yearly (June and December)</source>
        <translation>半年度（6月和12月）</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>General manager</source>
        <translation>总经理</translation>
    </message>
    <message>
        <source>Supervising leader</source>
        <translation>分管领导</translation>
    </message>
    <message>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>同级</translation>
    </message>
    <message>
        <source>Subordinates</source>
        <translation>下属</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>自评</translation>
    </message>
    <message>
        <source>Tick at least one position.</source>
        <translation>请至少勾选一个岗位。</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>现行：%1</translation>
    </message>
    <message>
        <source> (version %1)</source>
        <translation>（第 %1 版）</translation>
    </message>
    <message>
        <source>With the scheme (version %1)</source>
        <translation>套用方案后（第 %1 版）</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>考核周期：%1</translation>
    </message>
    <message>
        <source>Period: any (the period opened)</source>
        <translation>考核周期：不限（按开启的考核期）</translation>
    </message>
    <message>
        <source>Raters: %1</source>
        <translation>评分人：%1</translation>
    </message>
    <message>
        <source>(recorded, not counted)</source>
        <translation>（只记录不计分）</translation>
    </message>
    <message>
        <source>Raters: as the appraisal settings say (staff and managers)</source>
        <translation>评分人：按绩效设置中员工和管理人员的评分权重</translation>
    </message>
    <message>
        <source>Grades: four (A–D)</source>
        <translation>等级：四级（A–D）</translation>
    </message>
    <message>
        <source>Grades: five (A–E)</source>
        <translation>等级：五级（A–E）</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>How it is scored</source>
        <translation>计分方法</translation>
    </message>
    <message>
        <source>Rubric A–D</source>
        <translation>按 A–D 等级描述评定</translation>
    </message>
    <message>
        <source>the period before</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>the same period last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>typed base figures</source>
        <translation>手工录入的基数</translation>
    </message>
    <message>
        <source>Growth against %1, by bands</source>
        <translation>较%1的增长率分档计分</translation>
    </message>
    <message>
        <source>Bands from target %1</source>
        <translation>分档计分，目标 %1</translation>
    </message>
    <message>
        <source>Actual ÷ target %1 × 100</source>
        <translation>实际值 ÷ 目标 %1 × 100</translation>
    </message>
    <message>
        <source>Give %1 position(s) the scheme %2? Each gets a new template version; periods already open keep theirs.</source>
        <translation>为 %1 个岗位套用方案“%2”？每个岗位生成新版考核表；已开启的考核期保持原考核表。</translation>
    </message>
    <message>
        <source>Scheme %1 applied to %2 position(s).</source>
        <translation>已为 %2 个岗位套用方案“%1”。</translation>
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
        <source>Monthly label:</source>
        <translation>月度评价：</translation>
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
        <translation>指标</translation>
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
        <source>not counted</source>
        <translation>不计分</translation>
    </message>
    <message>
        <source>Typed total (instead of indicators)</source>
        <translation>直接录入总分（代替指标评分）</translation>
    </message>
    <message>
        <source>Rater's total</source>
        <translation>评分人总分</translation>
    </message>
    <message>
        <source>Only a rater, HR or an administrator enters actual values.</source>
        <translation>只有评分人、人事或管理员可以录入实际值。</translation>
    </message>
    <message>
        <source>rubric A–D</source>
        <translation>等级 A–D</translation>
    </message>
    <message>
        <source>no base figure</source>
        <translation>无基数</translation>
    </message>
    <message>
        <source>Type the base figure the growth is measured against.</source>
        <translation>请录入计算增长率所用的基数。</translation>
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
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Appraisal templates</source>
        <translation>考核表模板</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation>（已修改）</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>考核维度</translation>
    </message>
    <message>
        <source>Weight %</source>
        <translation>权重 %</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>添加维度</translation>
    </message>
    <message>
        <source>Remove section</source>
        <translation>删除维度</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Add quantitative</source>
        <translation>添加定量指标</translation>
    </message>
    <message>
        <source>Add qualitative</source>
        <translation>添加定性指标</translation>
    </message>
    <message>
        <source>Remove indicator</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>Pick an indicator to edit its target or rubric.</source>
        <translation>选择一个指标以编辑目标值或评分标准。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Apply a scheme…</source>
        <translation>套用方案…</translation>
    </message>
    <message>
        <source>Pick a ready scheme from the library and compare it with this template</source>
        <translation>从方案库选择现成方案，并与当前考核表对照</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>考核表名称</translation>
    </message>
    <message>
        <source>Quantitative indicator</source>
        <translation>定量指标</translation>
    </message>
    <message>
        <source>Achievement ratio × 100, capped</source>
        <translation>达成率 × 100（封顶）</translation>
    </message>
    <message>
        <source>Banded thresholds</source>
        <translation>分段计分</translation>
    </message>
    <message>
        <source>Growth against a base period, banded</source>
        <translation>按较基期增长率分档计分</translation>
    </message>
    <message>
        <source>The period before</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>The same period last year</source>
        <translation>去年同期</translation>
    </message>
    <message>
        <source>Base figures typed in</source>
        <translation>手工录入基数</translation>
    </message>
    <message>
        <source>threshold:score; … e.g. 95:100; 90:80; 85:60</source>
        <translation>阈值:得分; … 例如 95:100; 90:80; 85:60</translation>
    </message>
    <message>
        <source>Lower is better (times, errors, absences)</source>
        <translation>越低越好（时长、差错、缺勤）</translation>
    </message>
    <message>
        <source>Typed in</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>Attendance: absence days</source>
        <translation>考勤：缺勤天数</translation>
    </message>
    <message>
        <source>Attendance: times late</source>
        <translation>考勤：迟到次数</translation>
    </message>
    <message>
        <source>Attendance: missing punches</source>
        <translation>考勤：缺卡次数</translation>
    </message>
    <message>
        <source>Attendance: overtime hours</source>
        <translation>考勤：加班小时</translation>
    </message>
    <message>
        <source>Tasks: completed</source>
        <translation>任务：完成数</translation>
    </message>
    <message>
        <source>Tasks: on-time rate</source>
        <translation>任务：按时完成率</translation>
    </message>
    <message>
        <source>Tasks: average days to finish</source>
        <translation>任务：平均完成天数</translation>
    </message>
    <message>
        <source>Tasks: sent back</source>
        <translation>任务：退回次数</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Scoring rule</source>
        <translation>计分规则</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>封顶分</translation>
    </message>
    <message>
        <source>Growth against</source>
        <translation>增长率基期</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>分段</translation>
    </message>
    <message>
        <source>Score below every band</source>
        <translation>未达任何分段的得分</translation>
    </message>
    <message>
        <source>Actual from</source>
        <translation>实际值来源</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Quantitative</source>
        <translation>定量</translation>
    </message>
    <message>
        <source>Qualitative</source>
        <translation>定性</translation>
    </message>
    <message>
        <source>Save or cancel your changes before switching position.</source>
        <translation>切换岗位前请先保存或取消修改。</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>新维度</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>新指标</translation>
    </message>
    <message>
        <source>Sections add up to %1%.</source>
        <translation>各维度权重合计 %1%。</translation>
    </message>
    <message>
        <source>Sections add up to %1%, not 100 — change a weight.</source>
        <translation>各维度权重合计 %1%，不是 100——请调整权重。</translation>
    </message>
    <message>
        <source>Indicators of %1 add up to %2%.</source>
        <translation>“%1”的指标权重合计 %2%。</translation>
    </message>
    <message>
        <source>Indicators of %1 add up to %2%, not 100.</source>
        <translation>“%1”的指标权重合计 %2%，不是 100。</translation>
    </message>
    <message>
        <source>Discard your unsaved changes to this template?</source>
        <translation>放弃对此考核表未保存的修改？</translation>
    </message>
    <message>
        <source>Template of %1 saved; it applies to periods opened from now on.</source>
        <translation>%1 的考核表已保存，对此后新开的考核期生效。</translation>
    </message>
</context>
<context><name>AnnualReportDialog</name><message>
        <source>Annual work report — %1 (%2)</source>
        <translation>述职报告 — %1（%2）</translation>
    </message>
    <message>
        <source>The year's work, results, shortcomings and next year's plan</source>
        <translation>全年工作、成绩、不足和明年计划</translation>
    </message>
    <message>
        <source>No annual report written yet.</source>
        <translation>尚未撰写述职报告。</translation>
    </message>
    <message>
        <source>Last saved %1 by %2.</source>
        <translation>%2 最后保存于 %1。</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存述职报告</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Annual report saved.</source>
        <translation>述职报告已保存。</translation>
    </message>
</context><context><name>DecisionDialog</name><message>
        <source>Record the decision</source>
        <translation>记录处理决定</translation>
    </message>
    <message>
        <source>What was decided, from when (required unless carried out)</source>
        <translation>决定内容及生效时间（不执行或暂缓时必填）</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context><context><name>HistoryDialog</name><message>
        <source>Five years up to </source>
        <translation>五年，截至 </translation>
    </message>
    <message>
        <source>Five-year history — %1 (%2)</source>
        <translation>五年考核记录 — %1（%2）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Year score</source>
        <translation>年度得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Monthly results</source>
        <translation>月度结果</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>考核期</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>结果运用</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>尚未处理</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record decision…</source>
        <translation>记录处理决定…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>考核结果</translation>
    </message>
    <message>
        <source>Hired %1 · %2–%3 · flags are raised by the results; people decide.</source>
        <translation>入职 %1 · %2–%3 年 · 标记由考核结果产生，由人作出决定。</translation>
    </message>
    <message>
        <source>Decision recorded.</source>
        <translation>处理决定已记录。</translation>
    </message>
</context><context><name>InterviewDialog</name><message>
        <source>Performance interview record — %1 (%2)</source>
        <translation>绩效面谈记录 — %1（%2）</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>面谈日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>改进措施</translation>
    </message>
    <message>
        <source>Owner (employee no.)</source>
        <translation>负责人（工号）</translation>
    </message>
    <message>
        <source>Follow-up (YYYY-MM-DD)</source>
        <translation>跟进日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>绩效改进计划</translation>
    </message>
    <message>
        <source>Confirmed by the employee on %1.</source>
        <translation>员工已于 %1 确认。</translation>
    </message>
    <message>
        <source>Remark: %1</source>
        <translation>员工意见：%1</translation>
    </message>
    <message>
        <source>Not confirmed by the employee yet.</source>
        <translation>员工尚未确认。</translation>
    </message>
    <message>
        <source>No interview recorded yet.</source>
        <translation>尚未记录面谈。</translation>
    </message>
    <message>
        <source>Employee's confirmation</source>
        <translation>员工确认</translation>
    </message>
    <message>
        <source>Your remark on the record (optional)</source>
        <translation>您对本记录的意见（可选）</translation>
    </message>
    <message>
        <source>Your remark</source>
        <translation>您的意见</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Confirm my record</source>
        <translation>确认我的面谈记录</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Write every stage of the talk first: %1</source>
        <translation>请先填写面谈的每个环节：%1</translation>
    </message>
    <message>
        <source>Interview record saved.</source>
        <translation>面谈记录已保存。</translation>
    </message>
    <message>
        <source>You confirmed the interview record.</source>
        <translation>您已确认面谈记录。</translation>
    </message>
</context></TS>