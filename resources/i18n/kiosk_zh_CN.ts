<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>KioskWindow</name>
    <message>
        <source>ShopTeam kiosk</source>
        <translation>ShopTeam 考勤机</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>yyyy-MM-dd dddd</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>Badge or employee no.</source>
        <translation>工卡或工号</translation>
    </message>
    <message>
        <source>Scan your badge, or type your employee no. and press Enter</source>
        <translation>请刷工卡，或输入工号后按回车</translation>
    </message>
    <message>
        <source>Type your PIN and press Enter</source>
        <translation>请输入密码后按回车</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Employee no. %1: type your PIN and press Enter</source>
        <translation>工号 %1：请输入密码后按回车</translation>
    </message>
    <message numerus="yes">
        <source>%n punch(es) waiting to sync</source>
        <translation>
            <numerusform>%n 条打卡待同步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaveKioskDialog</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>退出考勤机模式</translation>
    </message>
    <message>
        <source>An administrator or manager must sign in to leave kiosk mode.</source>
        <translation>需要管理员或经理登录才能退出考勤机模式。</translation>
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
        <source>Leave kiosk</source>
        <translation>退出考勤机</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Wrong user name or password, or not an administrator or manager.</source>
        <translation>用户名或密码错误，或不是管理员/经理。</translation>
    </message>
</context>
</TS>