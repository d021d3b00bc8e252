<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArchiveDoneDialog</name>
    <message>
        <source>Archive finished cards</source>
        <translation>归档已完成卡片</translation>
    </message>
    <message>
        <source>Finished cards completed before this day leave the board. They stay in each card's history, in the task statistics and in “tasks list --include-archived”.</source>
        <translation>在此日期之前完成的卡片将离开看板，但仍保留在卡片历史、任务统计和“tasks list --include-archived”中。</translation>
    </message>
    <message>
        <source>Completed before</source>
        <translation>完成日期早于</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>This column is at its work-in-progress limit.</source>
        <translation>该列已达到在制品上限。</translation>
    </message>
    <message>
        <source>This column is over its work-in-progress limit: finish cards before starting new ones.</source>
        <translation>该列已超过在制品上限：请先完成手头任务再开始新任务。</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Workflow templates…</source>
        <translation>流程模板…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Archive finished…</source>
        <translation>归档已完成…</translation>
    </message>
    <message>
        <source>Search title or person…</source>
        <translation>搜索标题或人员…</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本周到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Swimlanes</source>
        <translation>泳道</translation>
    </message>
    <message>
        <source>One lane per assignee across the columns</source>
        <translation>每位负责人一条横跨各列的泳道</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>移动任务</translation>
    </message>
    <message>
        <source>Work-in-progress limit</source>
        <translation>在制品上限</translation>
    </message>
    <message>
        <source>“%1” moved to %2.</source>
        <translation>「%1」已移到%2。</translation>
    </message>
    <message>
        <source>Task “%1” created.</source>
        <translation>已创建任务「%1」。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>“%1” archived: it stays in the history and the statistics.</source>
        <translation>“%1”已归档：仍保留在历史和统计中。</translation>
    </message>
    <message>
        <source>Archive finished</source>
        <translation>归档已完成</translation>
    </message>
    <message numerus="yes">
        <source>Archived %n finished card(s).</source>
        <translation>
            <numerusform>已归档 %n 张已完成卡片。</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <source>Task saved.</source>
        <translation>任务已保存。</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Card sent back with your comment.</source>
        <translation>已退回任务并附上你的意见。</translation>
    </message>
    <message>
        <source>Pass review</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Review passed: the card is done.</source>
        <translation>审核通过：任务已完成。</translation>
    </message>
    <message>
        <source>Import tasks</source>
        <translation>导入任务</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Imported %1 tasks.</source>
        <translation>已导入 %1 个任务。</translation>
    </message>
    <message>
        <source>Nothing was imported. Fix the rows below and import again.</source>
        <translation>没有导入任何任务。请修改以下各行后重新导入。</translation>
    </message>
    <message>
        <source>Importing tasks…</source>
        <translation>正在导入任务…</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>No tasks are linked to this plan.</source>
        <translation>这份计划没有关联任务。</translation>
    </message>
    <message>
        <source>A comment for %1 …</source>
        <translation>给%1的批注……</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>标为已阅</translation>
    </message>
    <message>
        <source>Linked tasks</source>
        <translation>关联任务</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Weekly plan of %1</source>
        <translation>%1的周计划</translation>
    </message>
    <message>
        <source>Monthly plan of %1</source>
        <translation>%1的月度计划</translation>
    </message>
    <message>
        <source>Last week's summary</source>
        <translation>上周总结</translation>
    </message>
    <message>
        <source>This month's summary</source>
        <translation>本月总结</translation>
    </message>
    <message>
        <source>This week's plan</source>
        <translation>本周计划</translation>
    </message>
    <message>
        <source>Next month's plan</source>
        <translation>下月计划</translation>
    </message>
    <message>
        <source>(late)</source>
        <translation>（逾期）</translation>
    </message>
    <message>
        <source>Period from %1, due %2; submitted %3</source>
        <translation>周期自 %1 起，%2 截止；%3 提交</translation>
    </message>
    <message>
        <source>Not read yet.</source>
        <translation>尚未阅读。</translation>
    </message>
    <message>
        <source>Read by %1 at %2.</source>
        <translation>%1 已于 %2 阅读。</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>还没有批注。</translation>
    </message>
</context>
<context>
    <name>PlansView</name>
    <message>
        <source>Weekly plan (this week's plan, last week's summary)</source>
        <translation>周计划（本周计划、上周总结）</translation>
    </message>
    <message>
        <source>Monthly (this month's summary, next month's plan)</source>
        <translation>月度（本月总结、下月计划）</translation>
    </message>
    <message>
        <source>The plans of the week (or month) that holds this day.</source>
        <translation>显示包含这一天的那一周（或那个月）的计划。</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>My plan</source>
        <translation>我的计划</translation>
    </message>
    <message>
        <source>Linked tasks</source>
        <translation>关联任务</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>批注</translation>
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
        <translation>截止</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已阅</translation>
    </message>
    <message>
        <source>Read plan</source>
        <translation>阅读计划</translation>
    </message>
    <message>
        <source>Double-click a submitted plan to read it, mark it read and comment.</source>
        <translation>双击已提交的计划即可阅读、标为已阅并批注。</translation>
    </message>
    <message>
        <source>Team submissions</source>
        <translation>团队提交情况</translation>
    </message>
    <message>
        <source>Period of</source>
        <translation>日期所在周期</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期提交</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未阅</translation>
    </message>
    <message>
        <source>Last week's summary</source>
        <translation>上周总结</translation>
    </message>
    <message>
        <source>This month's summary</source>
        <translation>本月总结</translation>
    </message>
    <message>
        <source>This week's plan</source>
        <translation>本周计划</translation>
    </message>
    <message>
        <source>Next month's plan</source>
        <translation>下月计划</translation>
    </message>
    <message>
        <source>Period from %1, due %2 — %3</source>
        <translation>周期自 %1 起，%2 截止 — %3</translation>
    </message>
    <message>
        <source>Not submitted yet: %1</source>
        <translation>尚未提交：%1</translation>
    </message>
    <message>
        <source>Everyone has submitted.</source>
        <translation>所有人都已提交。</translation>
    </message>
    <message>
        <source>Submit plan</source>
        <translation>提交计划</translation>
    </message>
    <message>
        <source>Choose a plan in the list first.</source>
        <translation>请先在列表中选择一份计划。</translation>
    </message>
    <message>
        <source>%1 has not submitted this plan yet.</source>
        <translation>%1还没有提交这份计划。</translation>
    </message>
    <message>
        <source>Only %1's managers, HR and administrators may read this plan.</source>
        <translation>只有%1的上级、人事和管理员可以查看这份计划。</translation>
    </message>
    <message>
        <source>Plan submitted.</source>
        <translation>计划已提交。</translation>
    </message>
</context>
<context>
    <name>RecurrenceDialog</name>
    <message>
        <source>New recurring task</source>
        <translation>新建周期任务</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>In a shorter month the task falls on its last day.</source>
        <translation>月份天数不足时，在该月最后一天生成。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>e.g. reports, weekly</source>
        <translation>例如：报表, 周报</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Due after</source>
        <translation>截止于生成后</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>流程模板</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecurringView</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Due after (days)</source>
        <translation>截止（天后）</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>流程模板</translation>
    </message>
    <message>
        <source>Last card</source>
        <translation>最近生成</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>New recurring task…</source>
        <translation>新建周期任务…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>A card is created when a recurring task falls due (when the board opens), once per week or month.</source>
        <translation>周期任务到期时（打开看板时）自动生成卡片，每周或每月一次。</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Weekly, %1</source>
        <translation>每周，%1</translation>
    </message>
    <message>
        <source>Monthly, day %1</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <source>New recurring task</source>
        <translation>新建周期任务</translation>
    </message>
    <message>
        <source>Recurring task “%1” added.</source>
        <translation>已添加周期任务“%1”。</translation>
    </message>
    <message>
        <source>Stop recurring task</source>
        <translation>停止周期任务</translation>
    </message>
    <message>
        <source>Stop “%1”? No more cards will be created; cards already made stay on the board.</source>
        <translation>停止“%1”？之后不再生成卡片，已生成的卡片保留在看板上。</translation>
    </message>
    <message>
        <source>Recurring task “%1” stopped.</source>
        <translation>已停止周期任务“%1”。</translation>
    </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <source>Send back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Send “%1” back to In progress. Say what needs to change; the assignee sees your comment.</source>
        <translation>将「%1」退回到进行中。请写明需要修改的地方，负责人会看到你的意见。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>No.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tasks done</source>
        <translation>完成任务数</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>Avg. cycle</source>
        <translation>平均周期</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>No task was finished or sent back in %1.</source>
        <translation>%1 没有完成或退回的任务。</translation>
    </message>
    <message>
        <source>Tasks per person, %1</source>
        <translation>每人任务，%1</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>TaskCard</name>
    <message>
        <source>Sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>待审批</translation>
    </message>
</context>
<context>
    <name>TaskDetailPanel</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Pass review</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Take the finished card off the board; it stays in the history and the statistics.</source>
        <translation>将已完成的卡片移出看板；仍保留在历史和统计中。</translation>
    </message>
    <message>
        <source>Add a step and press Enter</source>
        <translation>添加步骤后按回车</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>写评论…</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>File path or web address, then Enter</source>
        <translation>输入文件路径或网址后按回车</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>%1 截止</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>优先级：%1</translation>
    </message>
    <message>
        <source>Workflow: %1</source>
        <translation>流程：%1</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Sent back by %1: %2</source>
        <translation>%1 退回：%2</translation>
    </message>
    <message>
        <source>Check the approval steps first.</source>
        <translation>请先完成审批步骤。</translation>
    </message>
    <message>
        <source>[approval: %1]</source>
        <translation>［%1审批］</translation>
    </message>
    <message>
        <source>No description.</source>
        <translation>没有描述。</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Checklist updated.</source>
        <translation>清单已更新。</translation>
    </message>
    <message>
        <source>Step added.</source>
        <translation>步骤已添加。</translation>
    </message>
    <message>
        <source>Comment added.</source>
        <translation>评论已添加。</translation>
    </message>
    <message>
        <source>File link added.</source>
        <translation>文件链接已添加。</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>e.g. new listing, Double 12</source>
        <translation>例如：上新, 双十二</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>流程模板</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Recurring</source>
        <translation>周期任务</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Workflow templates</source>
        <translation>流程模板</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Card title</source>
        <translation>任务标题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Steps (they become the checklist of a new task)</source>
        <translation>步骤（新建任务时成为任务清单）</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(no approval)</source>
        <translation>（无需审批）</translation>
    </message>
    <message>
        <source>Template “%1” saved.</source>
        <translation>模板「%1」已保存。</translation>
    </message>
    <message>
        <source>Delete the template “%1”? Tasks already made from it keep their checklists.</source>
        <translation>删除模板「%1」？已用它创建的任务会保留各自的清单。</translation>
    </message>
</context>
</TS>