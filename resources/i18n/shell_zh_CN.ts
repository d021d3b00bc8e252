<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>(not linked)</source>
        <translation>（不关联员工）</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
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
    <name>BackupPrompt</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>ShopTeam checked the database at start-up and found it damaged:</source>
        <translation>ShopTeam 启动时检查数据库，发现它已损坏：</translation>
    </message>
    <message>
        <source>The latest backup is from %1. Restoring it replaces the database with that copy; changes made after it are lost. The damaged database is kept in the backup folder.</source>
        <translation>最近的备份时间为 %1。恢复后数据库将替换为该备份，备份之后的更改会丢失。已损坏的数据库会保留在备份文件夹中。</translation>
    </message>
    <message>
        <source>There is no backup to restore. Copy the database file somewhere safe and ask for help; ShopTeam will not open a damaged database.</source>
        <translation>没有可恢复的备份。请把数据库文件复制到安全的地方并寻求帮助；ShopTeam 不会打开已损坏的数据库。</translation>
    </message>
    <message>
        <source>Restore latest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>The backup was restored. The damaged database is kept in %1.</source>
        <translation>备份已恢复。已损坏的数据库保留在 %1。</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>Database location</source>
        <translation>数据库位置</translation>
    </message>
    <message>
        <source>One PC: keep the database in a file. Several PCs (a kiosk at the door and an office PC): use one PostgreSQL database on the shop's network and enter the same address on every PC.</source>
        <translation>只有一台电脑：数据库保存为本机文件。多台电脑（门口的考勤机和办公室电脑）：使用店内网络上的同一个 PostgreSQL 数据库，并在每台电脑上填写相同的地址。</translation>
    </message>
    <message>
        <source>A file on this PC</source>
        <translation>本机上的文件</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database</source>
        <translation>共享的 PostgreSQL 数据库</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The new location is used the next time ShopTeam starts.</source>
        <translation>新的位置将在下次启动 ShopTeam 时生效。</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>ShopTeam database (*.db)</source>
        <translation>ShopTeam 数据库 (*.db)</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>Type e.g. 2026-12-03, 12-3 or 20261203, or pick from the calendar.</source>
        <translation>可直接输入，如 2026-12-03、12-3 或 20261203，也可从日历中选择。</translation>
    </message>
</context>
<context>
    <name>DateTimeEntry</name>
    <message>
        <source>Type e.g. 2026-12-03 09:00, 12-3 9:00 or 202612030900, or pick from the calendar.</source>
        <translation>可直接输入，如 2026-12-03 09:00、12-3 9:00 或 202612030900，也可从日历中选择。</translation>
    </message>
</context>
<context>
    <name>DryRunDialog</name>
    <message>
        <source>What this change would do</source>
        <translation>此项修改的影响</translation>
    </message>
    <message>
        <source>%1 people: %2 changes</source>
        <translation>%1 人的%2变化</translation>
    </message>
    <message>
        <source> (total %1)</source>
        <translation>（合计 %1）</translation>
    </message>
    <message>
        <source>Applied to %1:</source>
        <translation>套用到 %1：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>nobody's figures change.</source>
        <translation>没有人的数据变化。</translation>
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
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>ShopTeam hit an unexpected error. The details below are also in the log file (Help ▸ Open log folder):
%1</source>
        <translation>ShopTeam 遇到了一个意外错误。下面的详细信息也已写入日志文件（帮助 ▸ 打开日志文件夹）：
%1</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>ShopTeam - Create the administrator</source>
        <translation>ShopTeam - 创建管理员</translation>
    </message>
    <message>
        <source>Welcome! There is no administrator account yet. Create it; you will use it to add and manage the other users.</source>
        <translation>欢迎！还没有管理员账号。请先创建管理员账号，之后用它添加和管理其他用户。</translation>
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
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>The user name needs at least 2 characters.</source>
        <translation>用户名至少需要 2 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>ShopTeam - Log in</source>
        <translation>ShopTeam - 登录</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
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
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>ShopTeam · E-commerce operations</source>
        <translation>ShopTeam · 电商运营部管理台</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ShopTeam · E-commerce Operations Department</source>
        <translation>ShopTeam · 电商运营部管理台</translation>
    </message>
    <message>
        <source>Not available on this tab.</source>
        <translation>此页面不支持该操作。</translation>
    </message>
    <message>
        <source>Changes from other PCs are not arriving: %1</source>
        <translation>收不到其他电脑上的更改：%1</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>已刷新。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Policy settings…</source>
        <translation>制度设置…</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>用户管理…</translation>
    </message>
    <message>
        <source>Database location…</source>
        <translation>数据库位置…</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>About ShopTeam</source>
        <translation>关于 ShopTeam</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>The log folder is %1</source>
        <translation>日志文件夹：%1</translation>
    </message>
    <message>
        <source>ShopTeam %1
The desktop app of a small e-commerce operations department.
Database: %2</source>
        <translation>ShopTeam %1
小型电商运营部的桌面管理软件。
数据库：%2</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>ShopTeam</source>
        <translation>ShopTeam</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>目录：</translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>On</source>
        <translation>开启</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Policy settings</source>
        <translation>制度设置</translation>
    </message>
    <message>
        <source>Search the settings…</source>
        <translation>搜索设置…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>You can read the settings; only a manager or administrator can change them.</source>
        <translation>您可以查看设置；只有经理或管理员可以修改。</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Put every value of “%1” back to its default; nothing is saved until you press Save.</source>
        <translation>把“%1”中的每一项恢复为默认值；按“保存”后才生效。</translation>
    </message>
    <message>
        <source>No setting matches “%1”.</source>
        <translation>没有与“%1”匹配的设置。</translation>
    </message>
    <message>
        <source>Correct before saving — %1: %2</source>
        <translation>保存前请更正 —— %1：%2</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>New password for %1:</source>
        <translation>%1 的新密码：</translation>
    </message>
</context>
</TS>