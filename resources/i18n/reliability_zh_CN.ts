<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
</TS>