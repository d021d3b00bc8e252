<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AttendanceGrid</name>
    <message>
        <source>Mo</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>二</translation>
    </message>
    <message>
        <source>We</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>值班人数</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>考勤机模式</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>New leave request…</source>
        <translation>请假申请…</translation>
    </message>
    <message>
        <source>Request overtime…</source>
        <translation>申请加班…</translation>
    </message>
    <message>
        <source>Extend a leave…</source>
        <translation>续假…</translation>
    </message>
    <message>
        <source>Handover…</source>
        <translation>工作交接…</translation>
    </message>
    <message>
        <source>File a correction…</source>
        <translation>申请补卡…</translation>
    </message>
    <message>
        <source>Manual punch…</source>
        <translation>手工打卡…</translation>
    </message>
    <message>
        <source>Import punches…</source>
        <translation>导入打卡…</translation>
    </message>
    <message>
        <source>Export summary…</source>
        <translation>导出汇总…</translation>
    </message>
    <message>
        <source>Month close…</source>
        <translation>考勤封帐…</translation>
    </message>
    <message>
        <source>Confirm my month…</source>
        <translation>确认本月考勤…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月视图</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>月度汇总</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Duty roster</source>
        <translation>值班表</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Click a day to see its punches and the reason for its status.</source>
        <translation>点击某一天，查看打卡记录和判定原因。</translation>
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
        <source>Due</source>
        <translation>应出勤</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实出勤</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Late min</source>
        <translation>迟到分钟</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺卡</translation>
    </message>
    <message>
        <source>Absent days</source>
        <translation>旷工天数</translation>
    </message>
    <message>
        <source>Leave (h)</source>
        <translation>请假（小时）</translation>
    </message>
    <message>
        <source>OT (h)</source>
        <translation>加班（小时）</translation>
    </message>
    <message>
        <source>Comp (h)</source>
        <translation>调休余额</translation>
    </message>
    <message>
        <source>Unpaid (h)</source>
        <translation>无薪假(时)</translation>
    </message>
    <message>
        <source>Paid days</source>
        <translation>计薪天数</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>罚款</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Filed late</source>
        <translation>补请</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>No requests are waiting for a decision.</source>
        <translation>没有待审批的申请。</translation>
    </message>
    <message>
        <source>Click a cell to put a person on duty or take them off. Duty days are working days.</source>
        <translation>点击格子安排或取消值班。值班日按工作日考勤。</translation>
    </message>
    <message>
        <source>Fill empty days in turn</source>
        <translation>按顺序填满空白日期</translation>
    </message>
    <message>
        <source>Requests (%1)</source>
        <translation>待审批（%1）</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>打卡记录</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>补卡</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>判定原因</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Off the post</source>
        <translation>离岗</translation>
    </message>
    <message>
        <source>All punches on time.</source>
        <translation>打卡全部正常。</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <source>Decide request</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <source>Request approved.</source>
        <translation>申请已批准。</translation>
    </message>
    <message>
        <source>Request rejected.</source>
        <translation>申请已驳回。</translation>
    </message>
    <message>
        <source>Leave request %1 filed.</source>
        <translation>请假申请 %1 已提交。</translation>
    </message>
    <message>
        <source>No leave is running or ahead that could be extended.</source>
        <translation>没有可以续假的进行中或未开始的请假。</translation>
    </message>
    <message>
        <source>Extension %1 filed; it counts once approved.</source>
        <translation>续假申请 %1 已提交，批准后生效。</translation>
    </message>
    <message>
        <source>Handover %1 recorded.</source>
        <translation>工作交接 %1 已登记。</translation>
    </message>
    <message>
        <source>Overtime request %1 filed.</source>
        <translation>加班申请 %1 已提交。</translation>
    </message>
    <message>
        <source>Correction %1 filed; it counts once approved.</source>
        <translation>补卡申请 %1 已提交，审批通过后生效。</translation>
    </message>
    <message>
        <source>Already recorded.</source>
        <translation>已经打过卡。</translation>
    </message>
    <message>
        <source>Punch recorded for %1.</source>
        <translation>已为 %1 记录打卡。</translation>
    </message>
    <message>
        <source>Duty roster saved.</source>
        <translation>值班表已保存。</translation>
    </message>
    <message>
        <source>%1 duty entries added.</source>
        <translation>已添加 %1 条值班安排。</translation>
    </message>
    <message>
        <source>Import punches</source>
        <translation>导入打卡记录</translation>
    </message>
    <message>
        <source>Imported %1 punches; %2 were already recorded.</source>
        <translation>已导入 %1 条打卡记录；%2 条已存在。</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>导出考勤汇总</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 employees.</source>
        <translation>已导出 %1 名员工。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Clock exports</source>
        <translation>考勤机导出文件</translation>
    </message>
</context>
<context>
    <name>ConfirmMonthDialog</name>
    <message>
        <source>Confirm my attendance of %1</source>
        <translation>确认我的 %1 考勤</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Disagree…</source>
        <translation>有异议…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>有异议</translation>
    </message>
    <message>
        <source>What is wrong? Pick one or type it:</source>
        <translation>哪里不对？请选择或填写：</translation>
    </message>
    <message>
        <source>Your answer for %1 is recorded.</source>
        <translation>已记录您对 %1 考勤的答复。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>File a correction</source>
        <translation>申请补卡</translation>
    </message>
    <message>
        <source>e.g. forgot to clock out</source>
        <translation>例如：下班忘记打卡</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Missing punch at</source>
        <translation>漏打卡时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <source>Holiday calendar entry</source>
        <translation>节假日设置</translation>
    </message>
    <message>
        <source>e.g. Spring Festival</source>
        <translation>例如：春节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Holiday name</source>
        <translation>节日名称</translation>
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
    <name>ExtendLeaveDialog</name>
    <message>
        <source>Extend a leave</source>
        <translation>续假</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>新的结束时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>The new end must be after the leave's end.</source>
        <translation>新的结束时间必须晚于原结束时间。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Handover record</source>
        <translation>临时工作交接表</translation>
    </message>
    <message>
        <source>e.g. customer chats, today's shipping list</source>
        <translation>例如：客服咨询、当日发货单</translation>
    </message>
    <message>
        <source>Leaving the post</source>
        <translation>离岗人</translation>
    </message>
    <message>
        <source>Handed over to</source>
        <translation>接手人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Back at</source>
        <translation>返回时间</translation>
    </message>
    <message>
        <source>Where to</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>What was handed over</source>
        <translation>交接内容</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>The time back must be after the time of leaving.</source>
        <translation>返回时间必须晚于离岗时间。</translation>
    </message>
</context>
<context>
    <name>HolidayBanner</name>
    <message>
        <source>Enter the holidays</source>
        <translation>录入节假日</translation>
    </message>
</context>
<context>
    <name>HolidayPage</name>
    <message>
        <source>H</source>
        <translation>休</translation>
    </message>
    <message>
        <source>W</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>entered by the shop</source>
        <translation>本店设置</translation>
    </message>
    <message>
        <source>Set a day…</source>
        <translation>设置某天…</translation>
    </message>
    <message>
        <source>Remove the shop's entry</source>
        <translation>删除本店设置</translation>
    </message>
    <message>
        <source>Import a year…</source>
        <translation>导入全年安排…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>H = statutory holiday, W = make-up working day; bold days were entered by the shop and win over the statutory calendar. Double-click a day to change it.</source>
        <translation>休 = 法定节假日，班 = 调休上班日；粗体为本店设置，优先于法定日历。双击某天可修改。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Holiday name</source>
        <translation>节日名称</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>本店</translation>
    </message>
    <message>
        <source>Statutory</source>
        <translation>法定</translation>
    </message>
    <message>
        <source>%1: statutory holidays known.</source>
        <translation>%1 年：法定节假日已知。</translation>
    </message>
    <message>
        <source>%1 has no statutory holidays yet: every day follows the week pattern. Import the State Council schedule or set the days.</source>
        <translation>%1 年尚无法定节假日：每天都按每周工作日安排。请导入国务院放假安排或逐日设置。</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>%1 saved in the holiday calendar.</source>
        <translation>%1 已保存到节假日日历。</translation>
    </message>
    <message>
        <source>The shop's entry for %1 was removed.</source>
        <translation>已删除本店对 %1 的设置。</translation>
    </message>
    <message>
        <source>Import a holiday schedule</source>
        <translation>导入放假安排</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Importing the holiday schedule…</source>
        <translation>正在导入节假日安排…</translation>
    </message>
    <message>
        <source>Nothing was imported. Fix the rows below and import again.</source>
        <translation>未导入任何内容。请修改以下各行后重新导入。</translation>
    </message>
    <message>
        <source>%1 days imported into the holiday calendar.</source>
        <translation>已将 %1 天导入节假日日历。</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>New leave request</source>
        <translation>请假申请</translation>
    </message>
    <message>
        <source>Hospital certificate handed in</source>
        <translation>已提交医院证明</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
</context>
<context>
    <name>MonthClose</name>
    <message>
        <source>Closed on %1 by %2</source>
        <translation>已封帐 于 %1 由 %2</translation>
    </message>
</context>
<context>
    <name>MonthCloseDialog</name>
    <message>
        <source>Month close %1</source>
        <translation>%1 考勤封帐</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Disagreed</source>
        <translation>有异议</translation>
    </message>
    <message>
        <source>Looked, not answered</source>
        <translation>已查看，未答复</translation>
    </message>
    <message>
        <source>Not looked yet</source>
        <translation>尚未查看</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
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
        <source>Request no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Disagrees with</source>
        <translation>异议内容</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未完成事项</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>确认情况</translation>
    </message>
    <message>
        <source>Difference to the previous close</source>
        <translation>与上次封帐的差异</translation>
    </message>
    <message>
        <source>Close the month…</source>
        <translation>封帐…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新开启…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Open: reopened on %1 by %2 (%3).</source>
        <translation>未封帐：%1 由 %2 重新开启（%3）。</translation>
    </message>
    <message>
        <source>Open: not closed yet.</source>
        <translation>未封帐。</translation>
    </message>
    <message>
        <source>Still open (%1)</source>
        <translation>未完成事项（%1）</translation>
    </message>
    <message>
        <source>%1 confirmed · %2 disagreed · %3 have not confirmed</source>
        <translation>%1 人已确认 · %2 人有异议 · %3 人未确认</translation>
    </message>
    <message>
        <source>Close %1? Its figures are stored as the snapshot pay is based on, and the month is frozen.</source>
        <translation>封帐 %1？本月数据将保存为计薪依据的快照，并冻结本月考勤。</translation>
    </message>
    <message>
        <source>%1 requests are still pending; they stay undecided and can no longer be decided once closed:</source>
        <translation>仍有 %1 项申请待审批；封帐后它们保持待审，不能再审批：</translation>
    </message>
    <message>
        <source>Close the month</source>
        <translation>封帐</translation>
    </message>
    <message>
        <source>%1 closed.</source>
        <translation>%1 已封帐。</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>重新开启 %1</translation>
    </message>
    <message>
        <source>Why is the month reopened? (kept in the audit trail)</source>
        <translation>重新开启本月的原因（记入审计日志）：</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新开启</translation>
    </message>
    <message>
        <source>%1 reopened.</source>
        <translation>%1 已重新开启。</translation>
    </message>
</context>
<context>
    <name>MonthFigures</name>
    <message>
        <source>Days due</source>
        <translation>应出勤天数</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实际出勤</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>%1 times, %2 min</source>
        <translation>%1 次，%2 分钟</translation>
    </message>
    <message>
        <source>Early leave</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Missing punches</source>
        <translation>缺卡</translation>
    </message>
    <message>
        <source>Absence (days)</source>
        <translation>旷工（天）</translation>
    </message>
    <message>
        <source> (h)</source>
        <translation>（小时）</translation>
    </message>
    <message>
        <source>Overtime (h)</source>
        <translation>加班（小时）</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>罚款</translation>
    </message>
    <message>
        <source>%1 · attendance of %2</source>
        <translation>%1 · %2 考勤</translation>
    </message>
</context>
<context>
    <name>OvertimeDialog</name>
    <message>
        <source>Request overtime</source>
        <translation>申请加班</translation>
    </message>
    <message>
        <source>Overtime counts once approved; on a rest day or holiday it also earns comp hours.</source>
        <translation>加班经审批后计入；休息日或节假日加班同时计入调休时数。</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
</context>
<context>
    <name>PunchDialog</name>
    <message>
        <source>Manual punch</source>
        <translation>手工打卡</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record punch</source>
        <translation>记录打卡</translation>
    </message>
</context>
<context>
    <name>PunchImportDialog</name>
    <message>
        <source>Import punches</source>
        <translation>导入打卡记录</translation>
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
        <source>Clock no.</source>
        <translation>考勤号码</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>文件中</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Already recorded</source>
        <translation>已有记录</translation>
    </message>
    <message>
        <source>Clock numbers without an employee</source>
        <translation>没有对应员工的考勤号码</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading the clock file…</source>
        <translation>正在读取考勤机文件…</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>此文件无法导入。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 to %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3 至 %4</translation>
    </message>
    <message>
        <source>%1 punches in the file: %2 new, %3 already recorded.</source>
        <translation>文件中共 %1 条打卡：新增 %2 条，已有记录 %3 条。</translation>
    </message>
    <message>
        <source>%1 cells say 漏刷 (missed): nothing is imported for them.</source>
        <translation>%1 个单元格为“漏刷”：不导入任何记录。</translation>
    </message>
    <message>
        <source>%1 lines are not punches and are skipped.</source>
        <translation>%1 行不是打卡记录，已跳过。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Row %1 (skipped): %2</source>
        <translation>第 %1 行（已跳过）：%2</translation>
    </message>
    <message>
        <source>Choose the employee…</source>
        <translation>选择员工…</translation>
    </message>
    <message>
        <source>Map and remember</source>
        <translation>对应并记住</translation>
    </message>
    <message>
        <source>%1 %2 (rows: %3, first in row %4)</source>
        <translation>%1 %2（共 %3 行，首次出现在第 %4 行）</translation>
    </message>
    <message>
        <source>Clock no. %1 is mapped to %2.</source>
        <translation>考勤号码 %1 已对应到 %2。</translation>
    </message>
    <message>
        <source>Importing punches…</source>
        <translation>正在导入打卡记录…</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>