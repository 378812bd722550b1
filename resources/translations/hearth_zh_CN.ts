<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdultAppealDialog</name>
    <message>
        <source>I am an adult</source>
        <translation>我是成年人</translation>
    </message>
    <message>
        <source>Hearth treats this profile as a child&apos;s, so minor mode is on: time limits, bedtime and the other protections. If you are 18 or older, you can ask your guardian to turn it off.</source>
        <translation>Hearth 把这个账号当作孩子的账号，所以开启了未成年人模式：有时间限制、睡觉时间和其他保护。如果你已满 18 岁，可以请监护人把它关掉。</translation>
    </message>
    <message>
        <source>This only sends a request to your guardian. Nothing changes until they decide in the parental panel.</source>
        <translation>这只会给监护人发一个请求。在监护人于家长设置中做出决定之前，什么都不会改变。</translation>
    </message>
    <message>
        <source>&amp;Message to your guardian (you can leave this empty):</source>
        <translation>给监护人的话(&amp;M)(可以不填)：</translation>
    </message>
    <message>
        <source>Message to your guardian (optional)</source>
        <translation>给监护人的话(可选)</translation>
    </message>
    <message>
        <source>Send the request to your guardian</source>
        <translation>把请求发给监护人</translation>
    </message>
</context>
<context>
    <name>AiReminderDialog</name>
    <message>
        <source>I understand</source>
        <translation>我知道了</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <source>Alerts</source>
        <extracomment>A channel was added, edited or removed: rebuild the dispatcher&apos;s senders (``ctx.alerts.set_channels`` has already been called).</extracomment>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Alerts raised</source>
        <translation>已发出的提醒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>标为已读(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts</source>
        <translation>将所选提醒标为已读</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>What you see</source>
        <translation>您能看到的内容</translation>
    </message>
    <message>
        <source>Show me the &amp;full chat transcripts</source>
        <translation>显示完整聊天记录(&amp;F)</translation>
    </message>
    <message>
        <source>Off by default: you get alerts and a usage summary, not what your child wrote. If you switch this on, your child is told on their “What can my guardian see?” page that you can read their chats.</source>
        <translation>默认关闭：您会收到提醒和使用概况，但看不到孩子写了什么。如果打开此项，孩子会在“我的监护人能看到什么？”页面上得知您可以阅读他们的聊天。</translation>
    </message>
    <message>
        <source>Include a short &amp;excerpt in alerts</source>
        <translation>在提醒中附上简短摘录(&amp;E)</translation>
    </message>
    <message>
        <source>Off by default. When on, each alert carries at most 200 characters of the message that caused it, so you can judge how urgent it is. It travels through the channels below.</source>
        <translation>默认关闭。打开后，每条提醒会附上引发提醒的那条消息（最多 200 个字），方便您判断有多紧急。摘录会通过下方的渠道发送。</translation>
    </message>
    <message>
        <source>Possible self-harm or suicide risk</source>
        <translation>可能有自伤或自杀风险</translation>
    </message>
    <message>
        <source>Strong distress</source>
        <translation>情绪非常痛苦</translation>
    </message>
    <message>
        <source>Risk of a large financial loss</source>
        <translation>可能造成较大的财产损失</translation>
    </message>
    <message>
        <source>Sexual content</source>
        <translation>涉及性的内容</translation>
    </message>
    <message>
        <source>Asked for a romantic or family role-play</source>
        <translation>要求扮演恋人或家人</translation>
    </message>
    <message>
        <source>Shared personal information</source>
        <translation>透露了个人信息</translation>
    </message>
    <message>
        <source>Signs of over-dependence</source>
        <translation>有过度依赖的迹象</translation>
    </message>
    <message>
        <source>Asked for dangerous instructions</source>
        <translation>询问危险的做法</translation>
    </message>
    <message>
        <source>The computer&apos;s clock was changed</source>
        <translation>电脑时钟被修改</translation>
    </message>
    <message>
        <source>Appeal: says they are an adult</source>
        <translation>申诉：自称已成年</translation>
    </message>
    <message>
        <source>Test alert</source>
        <translation>测试提醒</translation>
    </message>
    <message>
        <source>For information</source>
        <translation>仅供知悉</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Alerts are not available in this session.</source>
        <translation>本次无法使用提醒功能。</translation>
    </message>
    <message>
        <source>Acknowledged by %1, %2</source>
        <translation>%1 已于 %2 标为已读</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>（无档案）</translation>
    </message>
    <message>
        <source>No alerts so far.</source>
        <translation>目前还没有提醒。</translation>
    </message>
    <message>
        <source>%1 new, %2 in total.</source>
        <translation>%1 条新提醒，共 %2 条。</translation>
    </message>
    <message>
        <source>Excerpt: “%1”</source>
        <translation>摘录：“%1”</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <extracomment>The newest events shown; the log itself keeps everything.</extracomment>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Filter the audit log by kind</source>
        <translation>按类型筛选审计日志</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message numerus="yes">
        <source>Newest first; showing %n event(s).</source>
        <translation>
            <numerusform>最新的在前；共显示 %n 条事件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>Family set up</source>
        <translation>完成家庭设置</translation>
    </message>
    <message>
        <source>Family exported</source>
        <translation>已导出家庭数据</translation>
    </message>
    <message>
        <source>Family imported</source>
        <translation>已导入家庭数据</translation>
    </message>
    <message>
        <source>PIN accepted</source>
        <translation>PIN 码正确</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN 码错误</translation>
    </message>
    <message>
        <source>PIN entry paused</source>
        <translation>PIN 码输入已暂停</translation>
    </message>
    <message>
        <source>Clock moved back during a PIN pause</source>
        <translation>PIN 码暂停期间时钟被调回</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN 码已更改</translation>
    </message>
    <message>
        <source>PIN reset with the recovery code</source>
        <translation>已用恢复码重置 PIN 码</translation>
    </message>
    <message>
        <source>Wrong recovery code</source>
        <translation>恢复码错误</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>Setting removed</source>
        <translation>设置已移除</translation>
    </message>
    <message>
        <source>Settings changed outside Hearth</source>
        <translation>设置在 Hearth 之外被改动</translation>
    </message>
    <message>
        <source>Chat locked: setup check failed</source>
        <translation>聊天已锁定：设置校验未通过</translation>
    </message>
    <message>
        <source>Settings reviewed and resealed</source>
        <translation>设置已复核并重新封存</translation>
    </message>
    <message>
        <source>Secret changed</source>
        <translation>密钥已更改</translation>
    </message>
    <message>
        <source>Secrets kept in a plain file</source>
        <translation>密钥保存在普通文件中</translation>
    </message>
    <message>
        <source>Secrets moved to the keyring</source>
        <translation>密钥已移入密钥环</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>已记录同意</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>已撤回同意</translation>
    </message>
    <message>
        <source>Guardian settings opened</source>
        <translation>打开了家长设置</translation>
    </message>
    <message>
        <source>Guardian settings saved</source>
        <translation>保存了家长设置</translation>
    </message>
    <message>
        <source>Guardian settings locked (idle)</source>
        <translation>家长设置已锁定（长时间未操作）</translation>
    </message>
    <message>
        <source>Child profile added</source>
        <translation>添加了孩子档案</translation>
    </message>
    <message>
        <source>Child profile changed</source>
        <translation>修改了孩子档案</translation>
    </message>
    <message>
        <source>Child profile removed</source>
        <translation>删除了孩子档案</translation>
    </message>
    <message>
        <source>Minor mode turned off</source>
        <translation>关闭了未成年人模式</translation>
    </message>
    <message>
        <source>Chat history exported</source>
        <translation>已导出聊天记录</translation>
    </message>
    <message>
        <source>Chat history deleted</source>
        <translation>已删除聊天记录</translation>
    </message>
    <message>
        <source>Old chat history removed automatically</source>
        <translation>已自动清除过期的聊天记录</translation>
    </message>
    <message>
        <source>Request for more time answered</source>
        <translation>已处理延长时间的申请</translation>
    </message>
    <message>
        <source>Guardian checked in after a crisis; chat reopened</source>
        <translation>危机提醒后监护人已确认情况，聊天已重新开放</translation>
    </message>
    <message>
        <source>The computer&apos;s clock was changed</source>
        <translation>电脑时钟被修改</translation>
    </message>
    <message>
        <source>Clock set earlier than Hearth last saw</source>
        <translation>时钟被调到 Hearth 上次记录的时间之前</translation>
    </message>
    <message>
        <source>Clock could not be checked; time held</source>
        <translation>无法核实时钟，计时已暂停在上次记录</translation>
    </message>
    <message>
        <source>Time zone changed</source>
        <translation>时区已更改</translation>
    </message>
    <message>
        <source>Usage records changed outside Hearth</source>
        <translation>使用时长记录在 Hearth 之外被改动</translation>
    </message>
    <message>
        <source>Tried to chat during the night-time curfew</source>
        <translation>在夜间休息时段尝试聊天</translation>
    </message>
    <message>
        <source>Time limit reached</source>
        <translation>已达到时间限制</translation>
    </message>
    <message>
        <source>More time given</source>
        <translation>已延长时间</translation>
    </message>
    <message>
        <source>Curfew lifted for one night</source>
        <translation>已取消一晚的夜间休息时段</translation>
    </message>
    <message>
        <source>Guardian accepted the computer&apos;s time</source>
        <translation>监护人已确认电脑的当前时间</translation>
    </message>
    <message>
        <source>Minor mode turned on</source>
        <translation>开启了未成年人模式</translation>
    </message>
    <message>
        <source>Contact details changed</source>
        <translation>联系方式已更改</translation>
    </message>
</context>
<context>
    <name>BackendForm</name>
    <message>
        <source>Who answers</source>
        <translation>由谁来回答</translation>
    </message>
    <message>
        <source>&amp;Built-in companion (works offline, recommended for young children)</source>
        <translation>内置 AI 伙伴(&amp;B)（可离线使用，推荐低龄儿童使用）</translation>
    </message>
    <message>
        <source>&amp;OpenAI-compatible server (Ollama, llama.cpp, LM Studio, a cloud API)</source>
        <translation>OpenAI 兼容服务器(&amp;O)（Ollama、llama.cpp、LM Studio 或云端 API）</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>e.g. http://127.0.0.1:11434/v1</source>
        <translation>例如 http://127.0.0.1:11434/v1</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>e.g. llama3.2</source>
        <translation>例如 llama3.2</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>模型名称</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Clear key</source>
        <translation>清除密钥</translation>
    </message>
    <message>
        <source>Clear the stored API key</source>
        <translation>清除已保存的 API 密钥</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <source>The key could not be stored: the keyring is not available (%1).</source>
        <translation>无法保存密钥：密钥环不可用（%1）。</translation>
    </message>
    <message>
        <source>Enter the model&apos;s name as the server knows it.</source>
        <translation>请输入服务器上使用的模型名称。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, up to and including /v1.</source>
        <translation>请输入服务器地址，包括末尾的 /v1。</translation>
    </message>
    <message>
        <source>The address must not contain a user name or password; use the API key field.</source>
        <translation>地址中不能包含用户名或密码；请填在 API 密钥栏中。</translation>
    </message>
    <message>
        <source>The address ends with its path (such as /v1), without ? or #.</source>
        <translation>地址应以路径（如 /v1）结尾，不能带 ? 或 #。</translation>
    </message>
    <message>
        <source>This is not an http:// or https:// address, e.g. http://127.0.0.1:11434/v1.</source>
        <translation>这不是 http:// 或 https:// 地址，应类似 http://127.0.0.1:11434/v1。</translation>
    </message>
    <message>
        <source>•••• (stored in the weaker secrets file)</source>
        <translation>••••（保存在保护较弱的密钥文件中）</translation>
    </message>
    <message>
        <source>•••• (stored in keyring)</source>
        <translation>••••（保存在密钥环中）</translation>
    </message>
    <message>
        <source>No key stored (the key will be removed when you save)</source>
        <translation>未保存密钥（保存时会删除原有密钥）</translation>
    </message>
    <message>
        <source>No key stored; leave empty if the server needs none</source>
        <translation>未保存密钥；如果服务器不需要密钥，请留空</translation>
    </message>
    <message>
        <source>No keyring is available, so an API key cannot be stored: only servers without a key can be used.</source>
        <translation>没有可用的密钥环，无法保存 API 密钥：只能使用不需要密钥的服务器。</translation>
    </message>
    <message>
        <source>Keys are kept in a plain file in Hearth&apos;s data folder because this computer has no keyring. This is weaker protection.</source>
        <translation>这台电脑没有密钥环，所以密钥保存在 Hearth 数据文件夹中的普通文件里。这种保护较弱。</translation>
    </message>
    <message>
        <source>The API key is kept in the system keyring, never in Hearth&apos;s database.</source>
        <translation>API 密钥保存在系统密钥环中，绝不会存入 Hearth 的数据库。</translation>
    </message>
    <message>
        <source>Testing %1 …</source>
        <translation>正在测试 %1 …</translation>
    </message>
    <message>
        <source>Connected: the model answered a short test message.</source>
        <translation>已连接：模型回复了一条简短的测试消息。</translation>
    </message>
    <message>
        <source>Connected. The server offers the model “%1”.</source>
        <translation>已连接。服务器提供模型“%1”。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Connected, but the server does not offer the model “%1”. It offers: %2.</source>
        <translation>已连接，但服务器没有提供模型“%1”。可用的模型：%2。</translation>
    </message>
    <message>
        <source>The connection test failed. %1</source>
        <translation>连接测试失败。%1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <source>E-mail alerts</source>
        <translation>电子邮件提醒</translation>
    </message>
    <message>
        <source>Webhook or ntfy alerts</source>
        <translation>Webhook 或 ntfy 提醒</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTP 服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>加密方式(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;From address:</source>
        <translation>发件地址(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To (comma-separated):</source>
        <translation>收件人(&amp;T)（用逗号分隔）：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Address (URL):</source>
        <translation>地址(&amp;A)（URL）：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>访问令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language of the alerts:</source>
        <translation>提醒语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Send alerts through this channel</source>
        <translation>通过此渠道发送提醒(&amp;S)</translation>
    </message>
    <message>
        <source>(unchanged: a value is stored in the keyring)</source>
        <translation>（未更改：密钥环中已保存一个值）</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS（通常为 587 端口）</translation>
    </message>
    <message>
        <source>SSL/TLS (usually port 465)</source>
        <translation>SSL/TLS（通常为 465 端口）</translation>
    </message>
    <message>
        <source>None (only a relay on this computer, no password)</source>
        <translation>无（仅限本机中继，无需密码）</translation>
    </message>
    <message>
        <source>parent@example.org, other@example.org</source>
        <translation>parent@example.org, other@example.org</translation>
    </message>
    <message>
        <source>stored in the keyring, not in Hearth&apos;s database</source>
        <translation>保存在密钥环中，不在 Hearth 的数据库里</translation>
    </message>
    <message>
        <source>Alerts say which child and why, never the conversation itself unless you chose excerpts. Use an app password if your provider offers one.</source>
        <translation>提醒只说明是哪个孩子、出于什么原因，不含对话内容（除非您选择了附带摘录）。如果您的邮箱服务商提供应用专用密码，请使用它。</translation>
    </message>
    <message>
        <source>ntfy push notification (e.g. https://ntfy.sh/your-topic)</source>
        <translation>ntfy 推送通知（例如 https://ntfy.sh/your-topic）</translation>
    </message>
    <message>
        <source>JSON webhook</source>
        <translation>JSON Webhook</translation>
    </message>
    <message>
        <source>optional; stored in the keyring</source>
        <translation>可选；保存在密钥环中</translation>
    </message>
    <message>
        <source>Remove the stored token</source>
        <translation>删除已保存的令牌</translation>
    </message>
    <message>
        <source>Pick an ntfy topic name nobody can guess, or protect it with a token.</source>
        <translation>请选一个别人猜不到的 ntfy 主题名，或者用令牌来保护它。</translation>
    </message>
    <message>
        <source>A discreet notification on this computer that an alert is waiting. It never says why, because your child may see it.</source>
        <translation>在这台电脑上悄悄提示有一条提醒等您查看。它从不说明原因，因为孩子可能会看到。</translation>
    </message>
    <message>
        <source>The port is a number between 1 and 65535 (usually 587 or 465).</source>
        <translation>端口是 1 到 65535 之间的数字（通常为 587 或 465）。</translation>
    </message>
    <message>
        <source>Enter the mail server&apos;s name, e.g. smtp.example.org.</source>
        <translation>请输入邮件服务器的名称，例如 smtp.example.org。</translation>
    </message>
    <message>
        <source>Enter the address the alerts come from.</source>
        <translation>请输入发送提醒所用的发件地址。</translation>
    </message>
    <message>
        <source>Enter at least one address to send alerts to, separated by commas.</source>
        <translation>请至少输入一个接收提醒的地址，多个地址用逗号分隔。</translation>
    </message>
    <message>
        <source>A user name needs a password.</source>
        <translation>填写了用户名，就需要同时填写密码。</translation>
    </message>
    <message>
        <source>A password is never sent without encryption: choose STARTTLS or SSL/TLS.</source>
        <translation>密码绝不会在未加密的情况下发送：请选择 STARTTLS 或 SSL/TLS。</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address; an ntfy address needs a topic.</source>
        <translation>请输入 http:// 或 https:// 地址；ntfy 地址需要包含主题。</translation>
    </message>
    <message>
        <source>This setting cannot work.</source>
        <translation>这个设置无法生效。</translation>
    </message>
    <message>
        <source>The keyring is not available, so the password cannot be stored (%1).</source>
        <translation>密钥环不可用，无法保存密码（%1）。</translation>
    </message>
</context>
<context>
    <name>ChannelListBox</name>
    <message>
        <source>How alerts reach you</source>
        <extracomment>The table shows the start of the last error; the line under the table shows all of it. The channel list changed (the app rebuilds its dispatcher&apos;s senders).</extracomment>
        <translation>提醒如何送达您</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>发送至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>最近的问题</translation>
    </message>
    <message>
        <source>Alert channels</source>
        <translation>提醒渠道</translation>
    </message>
    <message>
        <source>Add e-&amp;mail…</source>
        <translation>添加电子邮件(&amp;M)…</translation>
    </message>
    <message>
        <source>Add &amp;webhook / ntfy…</source>
        <translation>添加 Webhook / ntfy(&amp;W)…</translation>
    </message>
    <message>
        <source>Add &amp;desktop notification…</source>
        <translation>添加桌面通知(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <source>Send &amp;test alert</source>
        <translation>发送测试提醒(&amp;T)</translation>
    </message>
    <message>
        <source>Sending a test alert</source>
        <translation>正在发送测试提醒</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Webhook / ntfy</source>
        <translation>Webhook / ntfy</translation>
    </message>
    <message>
        <source>Desktop notification</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>尚未使用</translation>
    </message>
    <message>
        <source>Failed recently (%1 times)</source>
        <translation>最近失败过（%1 次）</translation>
    </message>
    <message>
        <source>FAILING (%1 times in a row)</source>
        <translation>持续失败（连续 %1 次）</translation>
    </message>
    <message>
        <source>%1 to %2 is failing: %3</source>
        <translation>%1（%2）持续失败：%3</translation>
    </message>
    <message>
        <source>No channel yet: alerts only appear in this panel. Add e-mail or ntfy to be told when you are away from this computer.</source>
        <translation>还没有渠道：提醒只会显示在家长设置里。添加电子邮件或 ntfy 后，您不在这台电脑旁时也能收到通知。</translation>
    </message>
    <message>
        <source>Remove channel</source>
        <translation>删除渠道</translation>
    </message>
    <message>
        <source>Stop sending alerts to %1?</source>
        <translation>不再向 %1 发送提醒吗？</translation>
    </message>
    <message>
        <source>Sending a test alert to %1 …</source>
        <translation>正在向 %1 发送测试提醒…</translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation>服务器拒绝了连接</translation>
    </message>
    <message>
        <source>the server could not be found</source>
        <translation>找不到服务器</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>服务器没有及时响应</translation>
    </message>
    <message>
        <source>the secure connection failed</source>
        <translation>安全连接失败</translation>
    </message>
    <message>
        <source>the user name or password was not accepted</source>
        <translation>用户名或密码未被接受</translation>
    </message>
    <message>
        <source>the server rejected the sender or recipients</source>
        <translation>服务器拒绝了发件人或收件人</translation>
    </message>
    <message>
        <source>the server answered with an error</source>
        <translation>服务器返回了错误</translation>
    </message>
    <message>
        <source>the server gave an unexpected answer</source>
        <translation>服务器的响应不符合预期</translation>
    </message>
    <message>
        <source>this desktop has no notification service</source>
        <translation>这个桌面没有通知服务</translation>
    </message>
    <message>
        <source>the settings cannot work</source>
        <translation>设置无法生效</translation>
    </message>
    <message>
        <source>it failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <source>Test alert sent to %1 in %2 s. Check that it arrived.</source>
        <translation>测试提醒已发送到 %1，用时 %2 秒。请确认是否收到。</translation>
    </message>
    <message>
        <source>The test alert to %1 was not delivered: %2.</source>
        <translation>发往 %1 的测试提醒未送达：%2。</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>详情：%1</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>&amp;Companion:</source>
        <translation>AI 伙伴(&amp;C)：</translation>
    </message>
    <message>
        <source>Choose companion</source>
        <translation>选择 AI 伙伴</translation>
    </message>
    <message>
        <source>Supervision is on</source>
        <translation>监护已开启</translation>
    </message>
    <message>
        <source>See what your guardian can see</source>
        <translation>看看监护人能看到什么</translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation>现在需要帮助？</translation>
    </message>
    <message>
        <source>Open the help and hotlines card</source>
        <translation>打开求助卡和热线电话</translation>
    </message>
    <message>
        <source>End chat</source>
        <translation>结束聊天</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>反馈问题</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>More options</source>
        <translation>更多选项</translation>
    </message>
    <message>
        <source>I am an adult…</source>
        <translation>我是成年人…</translation>
    </message>
    <message>
        <source>Leave minor mode (guardian PIN)…</source>
        <translation>退出未成年人模式（需监护人 PIN 码）…</translation>
    </message>
    <message>
        <source>Turn on minor mode</source>
        <translation>开启未成年人模式</translation>
    </message>
    <message>
        <source>Type a message… (Enter sends, Shift+Enter for a new line)</source>
        <translation>输入消息…（按 Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the reply</source>
        <translation>停止回复</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Some invisible characters were removed from your message.</source>
        <translation>你的消息里有一些看不见的字符，已经帮你去掉了。</translation>
    </message>
    <message>
        <source>Report this message…</source>
        <translation>举报这条消息…</translation>
    </message>
</context>
<context>
    <name>ChildDialog</name>
    <message>
        <source>Edit child</source>
        <translation>编辑孩子信息</translation>
    </message>
    <message>
        <source>Add a child</source>
        <translation>添加孩子</translation>
    </message>
</context>
<context>
    <name>ChildForm</name>
    <message>
        <source>Child&apos;s &amp;name:</source>
        <translation>孩子的名字(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>生日(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Child&apos;s name</source>
        <translation>孩子的名字</translation>
    </message>
    <message>
        <source>Child&apos;s birthday</source>
        <translation>孩子的生日</translation>
    </message>
    <message>
        <source>Child&apos;s language</source>
        <translation>孩子使用的语言</translation>
    </message>
    <message numerus="yes">
        <source>Age: %n</source>
        <translation>
            <numerusform>年龄：%n 岁</numerusform>
        </translation>
    </message>
    <message>
        <source>under 14: your consent is needed before the chat opens</source>
        <translation>未满 14 岁：需要您的同意才能开始聊天</translation>
    </message>
</context>
<context>
    <name>ChildrenPage</name>
    <message>
        <source>Your children</source>
        <translation>您的孩子</translation>
    </message>
    <message>
        <source>Add each child who will use Hearth. The birthday sets the age rules (daily time, night-time pause); each child starts in minor mode.</source>
        <translation>请添加每个会使用 Hearth 的孩子。生日决定适用的年龄规则（每日时长、夜间休息时段）；每个孩子一开始都处于未成年人模式。</translation>
    </message>
    <message>
        <source>&amp;Add this child</source>
        <translation>添加这个孩子(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove selected child</source>
        <translation>移除所选孩子(&amp;R)</translation>
    </message>
    <message>
        <source>Children to add:</source>
        <translation>要添加的孩子：</translation>
    </message>
    <message>
        <source>Children to add</source>
        <translation>要添加的孩子</translation>
    </message>
    <message>
        <source>%1, age %2</source>
        <translation>%1，%2 岁</translation>
    </message>
</context>
<context>
    <name>CompanionPage</name>
    <message>
        <source>Companion</source>
        <translation>AI 伙伴</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>&amp;Child:</source>
        <translation>孩子(&amp;C)：</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <source>Personas this child may use</source>
        <translation>这个孩子可以使用的角色</translation>
    </message>
    <message>
        <source>Add a child profile first.</source>
        <translation>请先添加孩子档案。</translation>
    </message>
    <message>
        <source>Check the companion server settings.</source>
        <translation>请检查 AI 伙伴服务器的设置。</translation>
    </message>
    <message>
        <source>Ticked personas are available to %1. Romantic-partner and family-member personas are never offered to anyone under 18.</source>
        <translation>勾选的角色可供 %1 使用。恋人和家庭成员类角色绝不会提供给未满 18 岁的人。</translation>
    </message>
    <message>
        <source>Ticked personas are available to %1.</source>
        <translation>勾选的角色可供 %1 使用。</translation>
    </message>
    <message>
        <source>At least one persona stays available. Use the time limits to stop chatting altogether.</source>
        <translation>至少要保留一个可用的角色。如果想让孩子完全停止聊天，请使用时间限制。</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Report a problem</source>
        <translation>反馈问题</translation>
    </message>
    <message>
        <source>Something not right? Tell your guardian about it here.</source>
        <translation>有什么不对劲吗？在这里告诉你的监护人。</translation>
    </message>
    <message>
        <source>What is it about? Choose one:</source>
        <translation>是关于什么的？选一项：</translation>
    </message>
    <message>
        <source>&amp;What happened?</source>
        <translation>发生了什么？(&amp;W)</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Send the complaint</source>
        <translation>发送投诉</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>It was wrong or made no sense</source>
        <extracomment>A bare name, not a wrapper: ``pyside6-lupdate`` only extracts literal ``translate(&quot;Ctx&quot;, ...)``.</extracomment>
        <translation>说错了，或者说得没道理</translation>
    </message>
    <message>
        <source>It was unsafe or told me to do something dangerous</source>
        <translation>不安全，或者让我做危险的事</translation>
    </message>
    <message>
        <source>It was scary or upsetting</source>
        <translation>让我害怕或难过</translation>
    </message>
    <message>
        <source>It was rude or mean</source>
        <translation>没礼貌或很刻薄</translation>
    </message>
    <message>
        <source>It pretended to be a real person</source>
        <translation>它假装是真人</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Something the companion said or did</source>
        <translation>AI 伙伴说的话或做的事</translation>
    </message>
    <message>
        <source>Time limits, bedtime or the lock screen</source>
        <translation>时间限制、睡觉时间或锁定屏幕</translation>
    </message>
    <message>
        <source>My privacy, or what my guardian can see</source>
        <translation>我的隐私，或监护人能看到什么</translation>
    </message>
    <message>
        <source>The app is not working properly</source>
        <translation>软件不能正常使用</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Adult appeal</source>
        <translation>成年申诉</translation>
    </message>
    <message>
        <source>Message report</source>
        <translation>消息举报</translation>
    </message>
    <message>
        <source>&quot;I am an adult&quot; appeal</source>
        <translation>“我是成年人”申诉</translation>
    </message>
    <message>
        <source>Accepted (adult)</source>
        <translation>已同意(成年人)</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Please choose what was wrong with the message.</source>
        <translation>请选择这条消息哪里不对。</translation>
    </message>
    <message>
        <source>Please choose what your complaint is about.</source>
        <translation>请选择你的投诉是关于什么的。</translation>
    </message>
    <message>
        <source>Please write a few words about what happened.</source>
        <translation>请写几句话，说说发生了什么。</translation>
    </message>
    <message>
        <source>That is a bit long: please keep it under 2000 characters.</source>
        <translation>有点长了：请不要超过 2000 个字。</translation>
    </message>
    <message>
        <source>This message can no longer be reported. You can still use “Report a problem”.</source>
        <translation>这条消息已经不能举报了。你仍然可以用“反馈问题”。</translation>
    </message>
    <message>
        <source>Only the companion&apos;s messages can be reported.</source>
        <translation>只能举报 AI 伙伴发的消息。</translation>
    </message>
    <message>
        <source>This profile no longer exists.</source>
        <translation>这个账号已经不存在了。</translation>
    </message>
    <message>
        <source>That did not work. Please try again, or tell your guardian.</source>
        <translation>没有成功。请再试一次，或者告诉你的监护人。</translation>
    </message>
    <message>
        <source>Your request was sent to your guardian</source>
        <translation>你的请求已发给监护人</translation>
    </message>
    <message>
        <source>Thank you — your report was sent</source>
        <translation>谢谢你——已经发送</translation>
    </message>
    <message>
        <source>Your guardian sees it in the parental panel and will reply. Hearth&apos;s publisher receives it only if your guardian forwards it.</source>
        <translation>你的监护人会在家长设置里看到它并给你答复。只有监护人转发时，Hearth 的发行方才会收到。</translation>
    </message>
    <message>
        <source>Your guardian sees your request in the parental panel and decides.</source>
        <translation>你的监护人会在家长设置里看到你的请求并做出决定。</translation>
    </message>
    <message numerus="yes">
        <source>Your guardian will reply by %1 (within %n days).</source>
        <translation>
            <numerusform>你的监护人会在 %1 之前答复(%n 天内)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If your guardian forwards it, Hearth&apos;s publisher replies within %n days.</source>
        <translation>
            <numerusform>如果监护人转发，Hearth 的发行方会在 %n 天内答复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing changes until your guardian decides: minor mode stays on for now.</source>
        <translation>在监护人做出决定之前什么都不会改变：未成年人模式暂时保持开启。</translation>
    </message>
    <message>
        <source>Your ticket number:</source>
        <translation>你的受理编号：</translation>
    </message>
    <message>
        <source>Your ticket number: %1</source>
        <translation>你的受理编号：%1</translation>
    </message>
    <message>
        <source>If you feel unsafe right now, talk to an adult you trust or press “Need help now?” in the chat.</source>
        <translation>如果你现在觉得不安全，请找一个你信任的大人聊聊，或者在聊天里点“现在需要帮助？”。</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Reports, complaints and appeals</source>
        <extracomment>Filter choices of the &quot;Show&quot; box.</extracomment>
        <translation>举报、投诉和申诉</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Waiting for an answer</source>
        <translation>等待答复</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Which tickets to show</source>
        <translation>显示哪些记录</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Ticket details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Change the status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>What you did or decided (kept in the ticket&apos;s history)</source>
        <translation>你做了什么或决定了什么(会保存在记录历史中)</translation>
    </message>
    <message>
        <source>Note for the ticket&apos;s history</source>
        <translation>记录历史的备注</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Decide on this appeal</source>
        <translation>处理这个申诉</translation>
    </message>
    <message>
        <source>The child says they are 18 or older. Nothing has changed yet: you decide.</source>
        <translation>孩子说自己已满 18 岁。目前什么都没有改变：由你决定。</translation>
    </message>
    <message>
        <source>Accept: turn off minor mode</source>
        <translation>同意：关闭未成年人模式</translation>
    </message>
    <message>
        <source>Decline: keep it on</source>
        <translation>拒绝：保持开启</translation>
    </message>
    <message>
        <source>Turning minor mode off is not available here.</source>
        <translation>这里不能关闭未成年人模式。</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 条已超期</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed: the appeal is still waiting for your decision.</source>
        <translation>没有做任何更改：这个申诉仍在等待你的决定。</translation>
    </message>
    <message>
        <source>Saved: %1 is now “%2”.</source>
        <translation>已保存：%1 现在是“%2”。</translation>
    </message>
    <message>
        <source>No tickets here.</source>
        <translation>这里没有记录。</translation>
    </message>
    <message>
        <source>Choose a ticket in the list.</source>
        <translation>请在列表中选择一条记录。</translation>
    </message>
</context>
<context>
    <name>ComplaintsPanelPage</name>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Consent to Hearth for %1</source>
        <translation>为 %1 同意使用 Hearth</translation>
    </message>
    <message>
        <source>Read the notice. Agreeing lets %1 use the chat.</source>
        <translation>请阅读这份告知。同意后，%1 就可以使用聊天。</translation>
    </message>
    <message>
        <source>Training consent for %1</source>
        <translation>%1 的模型训练同意</translation>
    </message>
    <message>
        <source>A separate question: may %1&apos;s chats be used to train AI models? Nothing else changes either way.</source>
        <translation>这是一个单独的问题：%1 的聊天可以用来训练 AI 模型吗？无论您怎么选，其他都不会改变。</translation>
    </message>
    <message>
        <source>I &amp;agree</source>
        <translation>我同意(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Cancel (do not record)</source>
        <translation>取消(&amp;C)（不记录）</translation>
    </message>
</context>
<context>
    <name>ConsentHistoryTable</name>
    <message>
        <source>Consent history</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>同意人</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>告知版本</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>同意时间</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>撤回时间</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>使用服务</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>模型训练</translation>
    </message>
</context>
<context>
    <name>ConsentNeededView</name>
    <message>
        <source>A guardian needs to say yes first</source>
        <translation>需要监护人先同意</translation>
    </message>
    <message>
        <source>Before %1 can chat, a guardian has to read how Hearth works and agree to it. This is the law for children under 14.</source>
        <translation>%1 开始聊天之前，监护人要先了解 Hearth 是怎么运作的，并表示同意。法律对未满 14 岁的孩子是这样规定的。</translation>
    </message>
    <message>
        <source>this child</source>
        <translation>这个孩子</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Guardian settings…</source>
        <translation>家长设置…</translation>
    </message>
</context>
<context>
    <name>ContactsForm</name>
    <message>
        <source>You (the guardian)</source>
        <extracomment>A sanity bound on typing; the core&apos;s validators give the real limits with a message.</extracomment>
        <translation>您（监护人）</translation>
    </message>
    <message>
        <source>Emergency contact (someone else you trust)</source>
        <translation>紧急联系人（您信任的另一个人）</translation>
    </message>
    <message>
        <source>Hearth uses these only to reach a grown-up when your child may be in danger. Give at least one e-mail address or phone number.</source>
        <translation>只有在孩子可能遇到危险时，Hearth 才会用这些信息联系大人。请至少填写一个电子邮件地址或电话号码。</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Your &amp;e-mail:</source>
        <translation>您的电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <source>Your &amp;phone:</source>
        <translation>您的电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Their n&amp;ame:</source>
        <translation>对方姓名(&amp;A)：</translation>
    </message>
    <message>
        <source>Their p&amp;hone:</source>
        <translation>对方电话(&amp;H)：</translation>
    </message>
    <message>
        <source>Their e-&amp;mail:</source>
        <translation>对方电子邮件(&amp;M)：</translation>
    </message>
    <message>
        <source>Guardian name</source>
        <translation>监护人姓名</translation>
    </message>
    <message>
        <source>Guardian e-mail</source>
        <translation>监护人电子邮件</translation>
    </message>
    <message>
        <source>Guardian phone</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>Emergency contact name</source>
        <translation>紧急联系人姓名</translation>
    </message>
    <message>
        <source>Emergency contact phone</source>
        <translation>紧急联系人电话</translation>
    </message>
    <message>
        <source>Emergency contact e-mail</source>
        <translation>紧急联系人电子邮件</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>How Hearth can reach a grown-up</source>
        <translation>Hearth 如何联系到大人</translation>
    </message>
</context>
<context>
    <name>CountdownBanner</name>
    <message>
        <source>1 minute left — time to say goodbye</source>
        <translation>还剩 1 分钟——该说再见啦</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) left</source>
        <translation>
            <numerusform>还剩 %n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrisisCardDialog</name>
    <message>
        <source>Help and hotlines</source>
        <translation>求助卡和热线电话</translation>
    </message>
</context>
<context>
    <name>CrisisCardWidget</name>
    <message>
        <source>Numbers last checked: %1. If you are in danger right now, call 110/120 (China) or 911 (US).</source>
        <translation>电话号码最近核实于 %1。如果你现在有危险，请拨打 110/120（中国）或 911（美国）。</translation>
    </message>
</context>
<context>
    <name>CrisisScreen</name>
    <message>
        <source>The AI companion has stopped. Your guardian has been told so they can be with you. The chat opens again after a guardian has checked in with you.</source>
        <translation>AI 伙伴已经停下来了。我们已经告诉你的监护人，让他们来陪你。监护人和你聊过之后，聊天才会重新打开。</translation>
    </message>
    <message>
        <source>Guardian: I have talked with my child (PIN)…</source>
        <translation>监护人：我已经和孩子谈过了（PIN 码）…</translation>
    </message>
    <message>
        <source>Back to profiles</source>
        <translation>返回首页</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Data</source>
        <extracomment>A child&apos;s history was deleted: an open chat of that child must start a new conversation.</extracomment>
        <translation>数据</translation>
    </message>
    <message>
        <source>&amp;Child:</source>
        <translation>孩子(&amp;C)：</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <source>Chat history</source>
        <translation>聊天记录</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Saved conversations</source>
        <translation>已保存的对话</translation>
    </message>
    <message>
        <source>&amp;Delete conversation…</source>
        <translation>删除对话(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete &amp;all history…</source>
        <translation>删除全部记录(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>JSON(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;HTML (readable)</source>
        <translation>HTML(&amp;H)（便于阅读）</translation>
    </message>
    <message>
        <source>&amp;Markdown (readable)</source>
        <translation>Markdown(&amp;M)（便于阅读）</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the history to a folder</source>
        <translation>将聊天记录导出到文件夹</translation>
    </message>
    <message>
        <source>How long history is kept</source>
        <translation>聊天记录保存多久</translation>
    </message>
    <message>
        <source>Delete chat history older than:</source>
        <translation>删除多少天以前的聊天记录：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Retention period in days</source>
        <translation>保存天数</translation>
    </message>
    <message>
        <source>Applies to every child. Older messages are deleted automatically when Hearth starts and once a day. Exports you made are not affected.</source>
        <translation>适用于每个孩子。Hearth 每次启动时以及每天一次，会自动删除更早的消息。您已导出的文件不受影响。</translation>
    </message>
    <message>
        <source>Add a child profile first.</source>
        <translation>请先添加孩子档案。</translation>
    </message>
    <message>
        <source>%1 conversations, %2 messages saved for %3.</source>
        <translation>已为 %3 保存 %1 个对话、%2 条消息。</translation>
    </message>
    <message>
        <source>No saved conversations for %3.</source>
        <translation>%3 没有已保存的对话。</translation>
    </message>
    <message>
        <source>Tick at least one format.</source>
        <translation>请至少勾选一种格式。</translation>
    </message>
    <message>
        <source>Export the history into this folder</source>
        <translation>将聊天记录导出到这个文件夹</translation>
    </message>
    <message>
        <source>The export could not be written: %1</source>
        <translation>无法写入导出文件：%1</translation>
    </message>
    <message>
        <source>Exported to %1: %2</source>
        <translation>已导出到 %1：%2</translation>
    </message>
    <message>
        <source>Delete this conversation of %1 (%2 messages)? This cannot be undone.</source>
        <translation>要删除 %1 的这个对话（%2 条消息）吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>The conversation was deleted.</source>
        <translation>对话已删除。</translation>
    </message>
    <message>
        <source>Delete all saved conversations of %1? This cannot be undone. You can export them first.</source>
        <translation>要删除 %1 的全部已保存对话吗？此操作无法撤销。您可以先导出。</translation>
    </message>
    <message>
        <source>Delete all history</source>
        <translation>删除全部记录</translation>
    </message>
    <message>
        <source>All history of %1 was deleted.</source>
        <translation>%1 的全部记录已删除。</translation>
    </message>
</context>
<context>
    <name>DoctorTexts</name>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>System keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <source>Guardian settings</source>
        <translation>家长设置</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>系统时钟</translation>
    </message>
    <message>
        <source>Alert channels</source>
        <translation>提醒渠道</translation>
    </message>
    <message>
        <source>Alert channel %1 (%2)</source>
        <translation>提醒渠道 %1（%2）</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <source>Computer account</source>
        <translation>电脑账户</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>登录时启动</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>webhook / ntfy</source>
        <translation>Webhook / ntfy</translation>
    </message>
    <message>
        <source>desktop notification</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <source>the system keyring is not available</source>
        <translation>系统密钥环不可用</translation>
    </message>
    <message>
        <source>the family is missing from the database</source>
        <translation>数据库中没有家庭数据</translation>
    </message>
    <message>
        <source>the keyring no longer knows this family</source>
        <translation>密钥环中已没有这个家庭的记录</translation>
    </message>
    <message>
        <source>the settings key is missing</source>
        <translation>设置密钥丢失</translation>
    </message>
    <message>
        <source>the database belongs to another installation</source>
        <translation>数据库属于另一次安装</translation>
    </message>
    <message>
        <source>the stored guardian PIN was replaced</source>
        <translation>保存的监护人 PIN 码被替换</translation>
    </message>
    <message>
        <source>settings were changed outside Hearth</source>
        <translation>设置在 Hearth 之外被改动</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Locked: %1 (settings: %2).</source>
        <translation>已锁定：%1（涉及的设置：%2）。</translation>
    </message>
    <message>
        <source>Locked: %1.</source>
        <translation>已锁定：%1。</translation>
    </message>
    <message>
        <source>Not working: the last %1 attempts failed (%2).</source>
        <translation>无法使用：最近连续 %1 次发送失败（%2）。</translation>
    </message>
    <message>
        <source>Not working: the last %1 attempts failed.</source>
        <translation>无法使用：最近连续 %1 次发送失败。</translation>
    </message>
    <message>
        <source>The last attempt failed (%1).</source>
        <translation>上一次发送失败（%1）。</translation>
    </message>
    <message>
        <source>The last attempt failed.</source>
        <translation>上一次发送失败。</translation>
    </message>
    <message>
        <source>There is no database yet (%1).</source>
        <translation>还没有数据库（%1）。</translation>
    </message>
    <message>
        <source>The keyring says a family was set up, but the database %1 is missing.</source>
        <translation>密钥环显示已设置过家庭，但数据库 %1 不见了。</translation>
    </message>
    <message>
        <source>There is no database yet (%1): Hearth is not set up.</source>
        <translation>还没有数据库（%1）：Hearth 尚未设置。</translation>
    </message>
    <message>
        <source>The database passed its integrity check (%1).</source>
        <translation>数据库通过了完整性检查（%1）。</translation>
    </message>
    <message>
        <source>The database %1 is damaged: %2</source>
        <translation>数据库 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>This computer has no system keyring (%1).</source>
        <translation>这台电脑没有系统密钥环（%1）。</translation>
    </message>
    <message>
        <source>The keyring is available (%1).</source>
        <translation>密钥环可用（%1）。</translation>
    </message>
    <message>
        <source>Secrets are kept in a plain file, which is weaker protection (%1).</source>
        <translation>密钥保存在普通文件中，保护较弱（%1）。</translation>
    </message>
    <message>
        <source>The system keyring is not available (%1).</source>
        <translation>系统密钥环不可用（%1）。</translation>
    </message>
    <message>
        <source>The settings key is missing from the keyring.</source>
        <translation>密钥环中缺少设置密钥。</translation>
    </message>
    <message>
        <source>The keyring is available (%1); Hearth is not set up yet.</source>
        <translation>密钥环可用（%1）；Hearth 尚未设置。</translation>
    </message>
    <message>
        <source>The keyring is available (%1) and holds the settings key.</source>
        <translation>密钥环可用（%1），设置密钥完好。</translation>
    </message>
    <message>
        <source>Not checked, because the database is damaged.</source>
        <translation>数据库已损坏，因此未检查。</translation>
    </message>
    <message>
        <source>The database cannot be opened (%1).</source>
        <translation>无法打开数据库（%1）。</translation>
    </message>
    <message>
        <source>The guardian settings are as you left them.</source>
        <translation>家长设置与您上次保存时一致。</translation>
    </message>
    <message>
        <source>Hearth is not set up yet.</source>
        <translation>Hearth 尚未设置。</translation>
    </message>
    <message>
        <source>No clock readings yet, so nothing to compare.</source>
        <translation>还没有时钟记录，暂无可比较的内容。</translation>
    </message>
    <message>
        <source>The clock (%1) is earlier than the last time Hearth saw (%2).</source>
        <translation>电脑时钟（%1）早于 Hearth 上次记录的时间（%2）。</translation>
    </message>
    <message>
        <source>The clock has not been turned back.</source>
        <translation>时钟没有被调回。</translation>
    </message>
    <message>
        <source>No alert channel is set up yet; alerts wait in the Alerts page&apos;s inbox.</source>
        <translation>还没有设置提醒渠道；提醒会保存在“提醒”页的收件箱里。</translation>
    </message>
    <message>
        <source>Working.</source>
        <translation>工作正常。</translation>
    </message>
    <message>
        <source>Not used yet.</source>
        <translation>尚未使用。</translation>
    </message>
    <message>
        <source>Hearth cannot reach the desktop&apos;s message bus (%1); reminders appear only inside Hearth.</source>
        <translation>Hearth 无法连接桌面的消息总线（%1）；提醒只会在 Hearth 窗口内显示。</translation>
    </message>
    <message>
        <source>A desktop notification service is running.</source>
        <translation>桌面通知服务正在运行。</translation>
    </message>
    <message>
        <source>No desktop notification service; reminders appear only inside Hearth.</source>
        <translation>没有桌面通知服务；提醒只会在 Hearth 窗口内显示。</translation>
    </message>
    <message>
        <source>This computer account is root; it can delete Hearth&apos;s data and keyring entries.</source>
        <translation>这个电脑账户是 root，可以删除 Hearth 的数据和密钥环条目。</translation>
    </message>
    <message>
        <source>This computer account is an administrator (member of %1); it can delete Hearth&apos;s data and keyring entries.</source>
        <translation>这个电脑账户是管理员（属于 %1 组），可以删除 Hearth 的数据和密钥环条目。</translation>
    </message>
    <message>
        <source>This computer account is not an administrator.</source>
        <translation>这个电脑账户不是管理员。</translation>
    </message>
    <message>
        <source>Hearth starts when this user logs in (%1).</source>
        <translation>此用户登录时会启动 Hearth（%1）。</translation>
    </message>
    <message>
        <source>Hearth does not start when this user logs in (%1 is missing).</source>
        <translation>此用户登录时不会启动 Hearth（缺少 %1）。</translation>
    </message>
    <message>
        <source>Start Hearth and complete the setup.</source>
        <translation>启动 Hearth 并完成设置。</translation>
    </message>
    <message>
        <source>Enter the guardian PIN on the lock screen to review and accept the current settings.</source>
        <translation>在锁定屏幕上输入监护人 PIN 码，复核并接受当前设置。</translation>
    </message>
    <message>
        <source>Restore the database from a backup, or import your family export into a new data folder.</source>
        <translation>从备份中恢复数据库，或把导出的家庭数据导入到新的数据文件夹。</translation>
    </message>
    <message>
        <source>Fix the database first.</source>
        <translation>请先修复数据库。</translation>
    </message>
    <message>
        <source>Install and unlock GNOME Keyring or KWallet (Secret Service), then log in again.</source>
        <translation>安装并解锁 GNOME 密钥环或 KWallet（Secret Service），然后重新登录。</translation>
    </message>
    <message>
        <source>Run a notification service in the desktop session (GNOME Shell, KDE Plasma, dunst, mako, xfce4-notifyd).</source>
        <translation>在桌面会话中运行通知服务（GNOME Shell、KDE Plasma、dunst、mako、xfce4-notifyd）。</translation>
    </message>
    <message>
        <source>Restore the database from a backup, or import your family export, or open Hearth and enter the guardian PIN.</source>
        <translation>从备份中恢复数据库，或导入导出的家庭数据，或打开 Hearth 并输入监护人 PIN 码。</translation>
    </message>
    <message>
        <source>Install and unlock a Secret Service keyring (GNOME Keyring or KWallet), then move the secrets into it.</source>
        <translation>安装并解锁 Secret Service 密钥环（GNOME 密钥环或 KWallet），然后把密钥移进去。</translation>
    </message>
    <message>
        <source>Set the correct date and time (turn on automatic time), then enter the guardian PIN in Hearth.</source>
        <translation>设置正确的日期和时间（打开自动设置时间），然后在 Hearth 中输入监护人 PIN 码。</translation>
    </message>
    <message>
        <source>Add an e-mail or phone (ntfy) channel on the Alerts page.</source>
        <translation>在“提醒”页添加电子邮件或手机（ntfy）渠道。</translation>
    </message>
    <message>
        <source>Check the channel on the Alerts page and send a test alert.</source>
        <translation>在“提醒”页检查该渠道，并发送一条测试提醒。</translation>
    </message>
    <message>
        <source>Send a test alert from the Alerts page.</source>
        <translation>在“提醒”页发送一条测试提醒。</translation>
    </message>
    <message>
        <source>Do not run Hearth as root: give the child a standard account.</source>
        <translation>不要以 root 身份运行 Hearth：请给孩子使用标准账户。</translation>
    </message>
    <message>
        <source>Give the child a standard account and keep the administrator account for the guardian.</source>
        <translation>请给孩子使用标准账户，管理员账户只留给监护人。</translation>
    </message>
    <message>
        <source>Tick “Start Hearth when this user logs in” above and save.</source>
        <translation>勾选上方的“此用户登录时启动 Hearth”并保存。</translation>
    </message>
</context>
<context>
    <name>IntegrityLockView</name>
    <message>
        <source>Some settings were changed outside Hearth.</source>
        <translation>有些设置在 Hearth 之外被修改了。</translation>
    </message>
    <message>
        <source>Hearth&apos;s database is missing although this computer was set up.</source>
        <translation>这台电脑已经设置过 Hearth，但 Hearth 的数据库不见了。</translation>
    </message>
    <message>
        <source>The keyring no longer holds Hearth&apos;s protection key.</source>
        <translation>密钥环里已经没有 Hearth 的保护密钥。</translation>
    </message>
    <message>
        <source>The system keyring (Secret Service) is not available.</source>
        <translation>系统密钥环（Secret Service）不可用。</translation>
    </message>
    <message>
        <source>The guardian PIN record does not match the keyring.</source>
        <translation>监护人 PIN 码记录与密钥环不一致。</translation>
    </message>
    <message>
        <source>Hearth&apos;s database comes from another installation.</source>
        <translation>Hearth 的数据库来自另一次安装。</translation>
    </message>
    <message>
        <source>A protection check failed (%1).</source>
        <translation>一项保护检查未通过（%1）。</translation>
    </message>
    <message>
        <source>Chat is paused until a guardian checks Hearth</source>
        <translation>聊天已暂停，等待监护人检查 Hearth</translation>
    </message>
    <message>
        <source>Hearth could not confirm that the guardian&apos;s settings are as they were left, so it keeps the chat locked to be safe.</source>
        <translation>Hearth 无法确认监护人的设置是否保持原样，为了安全，聊天会保持锁定。</translation>
    </message>
    <message>
        <source>Guardian: enter PIN…</source>
        <translation>监护人：输入 PIN 码…</translation>
    </message>
    <message>
        <source>Guardian: enter the PIN to review the settings</source>
        <translation>监护人：输入 PIN 码以复核设置</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <source>Welcome to Hearth</source>
        <translation>欢迎使用 Hearth</translation>
    </message>
    <message>
        <source>A few steps for the guardian: choose a PIN, write down a recovery code, give a way to reach you, and add your children. Nothing is saved until you press Finish; Cancel leaves nothing behind.</source>
        <translation>监护人只需几步：设置 PIN 码、记下恢复码、留下联系方式，再添加孩子。点“完成”之前不会保存任何内容；点“取消”不会留下任何数据。</translation>
    </message>
    <message>
        <source>Hearth will keep the key that protects your settings in this computer&apos;s keyring (%1).</source>
        <translation>Hearth 会把保护您设置的密钥保存在这台电脑的密钥环中（%1）。</translation>
    </message>
    <message>
        <source>Hearth keeps its secrets in a plain file (weaker), as you chose.</source>
        <translation>按照您的选择，Hearth 会把密钥保存在普通文件中（保护较弱）。</translation>
    </message>
    <message>
        <source>Hearth could not reach a system keyring (Secret Service, such as GNOME Keyring or KWallet): %1. Hearth keeps the key that protects your settings there. You can cancel, start or install a keyring and open Hearth again. Or you can keep the secrets in a plain file in Hearth&apos;s data folder. That is weaker: anyone who can read the file can change Hearth&apos;s settings.</source>
        <translation>Hearth 无法连接系统密钥环（Secret Service，例如 GNOME 密钥环或 KWallet）：%1。Hearth 会把保护您设置的密钥保存在那里。您可以取消，启动或安装密钥环后再打开 Hearth；也可以把密钥保存在 Hearth 数据文件夹中的普通文件里。后者保护较弱：任何能读取该文件的人都可以修改 Hearth 的设置。</translation>
    </message>
    <message>
        <source>Keep Hearth&apos;s secrets in a plain file instead (weaker)</source>
        <translation>改为将 Hearth 的密钥保存在普通文件中（较弱）</translation>
    </message>
    <message>
        <source>A family is already set up for this account. Open Hearth normally and use Guardian settings, or restore the family from its export.</source>
        <translation>这个系统账户已经设置过家庭。请正常打开 Hearth 并使用家长设置，或者从导出文件恢复家庭。</translation>
    </message>
</context>
<context>
    <name>LockView</name>
    <message>
        <source>Chatting is locked</source>
        <extracomment>A guardian answered &quot;more time&quot; (the MoreTimeChoice value); unlocking follows from ``LimitsController.unlocked`` when the answer opened the chat.</extracomment>
        <translation>聊天已锁定</translation>
    </message>
    <message>
        <source>Ask for &amp;more time</source>
        <translation>申请更多时间(&amp;M)</translation>
    </message>
    <message>
        <source>Ask a guardian for more time</source>
        <translation>请监护人延长时间</translation>
    </message>
    <message>
        <source>&amp;Switch profile</source>
        <translation>切换用户(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close Hearth</source>
        <translation>关闭 Hearth(&amp;C)</translation>
    </message>
    <message>
        <source>Worried or upset? Help is always here, even now.</source>
        <translation>担心或难过吗？帮助一直都在，现在也是。</translation>
    </message>
    <message>
        <source>Need &amp;help now?</source>
        <translation>现在需要帮助(&amp;H)？</translation>
    </message>
    <message>
        <source>Open the help and hotlines card</source>
        <translation>打开求助卡和热线电话</translation>
    </message>
    <message>
        <source>Today&apos;s chat time is used up</source>
        <translation>今天的聊天时间用完啦</translation>
    </message>
    <message>
        <source>You have used all of today&apos;s time for chatting.</source>
        <translation>你已经用完了今天所有的聊天时间。</translation>
    </message>
    <message>
        <source>How about reading a book, playing outside or helping at home?</source>
        <translation>去读本书、到外面玩一玩，或者帮家里做点事，怎么样？</translation>
    </message>
    <message>
        <source>It&apos;s night-time, so chatting is resting</source>
        <translation>现在是夜里，聊天也要休息啦</translation>
    </message>
    <message>
        <source>Hearth takes a break at night so that you can sleep well.</source>
        <translation>Hearth 晚上会休息，好让你睡个好觉。</translation>
    </message>
    <message>
        <source>Put the screen away, get cosy and have a good night&apos;s sleep.</source>
        <translation>把屏幕收起来，舒舒服服地睡个好觉吧。</translation>
    </message>
    <message>
        <source>Chatting isn&apos;t open right now</source>
        <translation>现在不是聊天时间</translation>
    </message>
    <message>
        <source>Your guardian chose the hours when you can chat.</source>
        <translation>监护人为你选好了可以聊天的时间段。</translation>
    </message>
    <message>
        <source>This is a good time to play, read or talk with your family.</source>
        <translation>现在正适合去玩、看书，或者和家人聊聊天。</translation>
    </message>
    <message>
        <source>Time for a break</source>
        <translation>该休息一下啦</translation>
    </message>
    <message>
        <source>You have been chatting for a long time. A break comes first.</source>
        <translation>你已经聊了很久了，先休息一下吧。</translation>
    </message>
    <message>
        <source>Stand up, stretch, drink some water and look out of the window.</source>
        <translation>站起来伸伸懒腰，喝点水，看看窗外。</translation>
    </message>
    <message>
        <source>Chatting is paused</source>
        <translation>聊天已暂停</translation>
    </message>
    <message>
        <source>Your guardian has paused chatting for now.</source>
        <translation>监护人暂时暂停了聊天。</translation>
    </message>
    <message>
        <source>Maybe do something you enjoy away from the screen.</source>
        <translation>不如离开屏幕，去做点你喜欢的事吧。</translation>
    </message>
    <message>
        <source>It stays paused until your guardian unlocks it.</source>
        <translation>在监护人解锁之前，聊天会一直暂停。</translation>
    </message>
    <message>
        <source>You can chat again at %1.</source>
        <translation>到 %1 就可以再聊天了。</translation>
    </message>
    <message>
        <source>You can chat again tomorrow at %1.</source>
        <translation>明天 %1 就可以再聊天了。</translation>
    </message>
    <message>
        <source>You can chat again on %1 at %2.</source>
        <translation>%1 %2 就可以再聊天了。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 — AI companion</source>
        <translation>%1 — AI 伙伴</translation>
    </message>
    <message>
        <source>Enter the guardian PIN to review and accept the current settings.</source>
        <translation>请输入监护人 PIN 码，复核并接受当前设置。</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>开始之前</translation>
    </message>
    <message>
        <source>You are chatting with an AI — a computer program, not a real person.</source>
        <translation>你正在和 AI 聊天——它是一个电脑程序，不是真人。</translation>
    </message>
    <message>
        <source>It can be wrong. It will never ask where you live or for your passwords. Your guardian can see a summary of your chats. If something worries you, talk to a trusted adult.</source>
        <translation>它可能会说错。它绝不会问你住在哪里，也不会问你的密码。你的监护人可以看到你聊天的概况。如果有什么让你担心，请告诉你信任的大人。</translation>
    </message>
    <message>
        <source>A guardian confirms they have checked in with %1. Enter the PIN to reopen the chat.</source>
        <translation>监护人确认已经和 %1 谈过。请输入 PIN 码重新打开聊天。</translation>
    </message>
    <message>
        <source>Enter the guardian PIN to open the parental settings.</source>
        <translation>请输入监护人 PIN 码以打开家长设置。</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Hearth notice</source>
        <translation>Hearth 提示</translation>
    </message>
    <message>
        <source>AI-generated</source>
        <translation>AI 生成</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>正在输入…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The companion&apos;s server is not answering (connection refused). Your message is saved: ask your guardian to check the server, then press Retry.</source>
        <translation>AI 伙伴的服务器没有响应（连接被拒绝）。你的消息已经保存：请让监护人检查一下服务器，然后点“重试”。</translation>
    </message>
    <message>
        <source>The companion&apos;s server took too long to answer. Your message is saved: press Retry.</source>
        <translation>AI 伙伴的服务器太久没有回答。你的消息已经保存：请点“重试”。</translation>
    </message>
    <message>
        <source>The companion&apos;s server refused the key (401/403). A guardian needs to check the API key.</source>
        <translation>AI 伙伴的服务器拒绝了密钥（401/403）。需要监护人检查 API 密钥。</translation>
    </message>
    <message>
        <source>The companion&apos;s server does not know the chosen model (404). A guardian needs to pick another model.</source>
        <translation>AI 伙伴的服务器不认识所选的模型（404）。需要监护人换一个模型。</translation>
    </message>
    <message>
        <source>The companion&apos;s server is busy (429). Your message is saved: wait a moment, then press Retry.</source>
        <translation>AI 伙伴的服务器太忙了（429）。你的消息已经保存：稍等一会儿，再点“重试”。</translation>
    </message>
    <message>
        <source>The companion&apos;s server had an error (5xx). Your message is saved: press Retry.</source>
        <translation>AI 伙伴的服务器出错了（5xx）。你的消息已经保存：请点“重试”。</translation>
    </message>
    <message>
        <source>The reply was cut off or garbled. Your message is saved: press Retry.</source>
        <translation>回复被截断或出现了乱码。你的消息已经保存：请点“重试”。</translation>
    </message>
    <message>
        <source>The companion&apos;s server rejected the request. A guardian can check the settings.</source>
        <translation>AI 伙伴的服务器拒绝了这个请求。监护人可以检查一下设置。</translation>
    </message>
    <message>
        <source>No companion server is set up. A guardian can choose one in the parental panel.</source>
        <translation>还没有设置 AI 伙伴的服务器。监护人可以在家长设置里选择一个。</translation>
    </message>
    <message>
        <source>Something went wrong while getting a reply. Your message is saved: press Retry.</source>
        <translation>获取回复时出了点问题。你的消息已经保存：请点“重试”。</translation>
    </message>
    <message>
        <source>Type a message first.</source>
        <translation>请先输入消息。</translation>
    </message>
    <message numerus="yes">
        <source>That message is too long: at most %n characters. Nothing was sent; your text is still here.</source>
        <translation>
            <numerusform>这条消息太长了：最多 %n 个字。消息没有发出去，你写的内容还在这里。</numerusform>
        </translation>
    </message>
    <message>
        <source>That message could not be sent.</source>
        <translation>这条消息没能发送。</translation>
    </message>
    <message>
        <source>Hearth&apos;s database file is damaged and was not changed: %1. A guardian can restore it from a backup or start fresh (the damaged file is kept).</source>
        <translation>Hearth 的数据库文件已损坏，且未被改动：%1。监护人可以从备份中恢复，或者重新开始（损坏的文件会被保留）。</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Hearth: %1. Please install that version; nothing was changed.</source>
        <translation>这个数据库是由更新版本的 Hearth 写入的：%1。请安装那个版本；没有做任何改动。</translation>
    </message>
    <message>
        <source>Hearth cannot write to its data folder: %1. Check the folder&apos;s permissions or set HEARTH_DATA_DIR.</source>
        <translation>Hearth 无法写入它的数据文件夹：%1。请检查文件夹的权限，或者设置 HEARTH_DATA_DIR。</translation>
    </message>
    <message>
        <source>Hearth cannot open its data: %1.</source>
        <translation>Hearth 无法打开它的数据：%1。</translation>
    </message>
</context>
<context>
    <name>MinorMode</name>
    <message>
        <source>Leave minor mode for %1? The default daily limit, night-time pause and rest reminders stop for this profile, unless you set time rules yourself. This needs the guardian&apos;s PIN.</source>
        <translation>要为 %1 退出未成年人模式吗？这个档案将不再适用默认的每日时长、夜间休息时段和休息提醒，除非您自己设置时间规则。此操作需要监护人的 PIN 码。</translation>
    </message>
</context>
<context>
    <name>MoreTimeDialog</name>
    <message>
        <source>More time</source>
        <extracomment>The audit kind of a more-time decision (granted or denied).</extracomment>
        <translation>延长时间</translation>
    </message>
    <message>
        <source>A guardian can decide now. Choose an answer, then the guardian confirms it with the PIN.</source>
        <translation>监护人现在就可以决定。先选一个答复，再由监护人输入 PIN 码确认。</translation>
    </message>
    <message>
        <source>More time cannot open this lock. A guardian can change the rules in the parental panel.</source>
        <translation>延长时间无法解除这种锁定。监护人可以在家长设置里修改规则。</translation>
    </message>
    <message>
        <source>&amp;15 more minutes</source>
        <translation>再加 15 分钟(&amp;1)</translation>
    </message>
    <message>
        <source>One more &amp;hour</source>
        <translation>再加 1 小时(&amp;H)</translation>
    </message>
    <message>
        <source>The &amp;rest of today</source>
        <translation>今天剩下的时间(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tonight&apos;s curfew off</source>
        <translation>取消今晚的夜间休息时段(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;No, not now</source>
        <translation>不，现在不行(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Confirm with PIN…</source>
        <translation>用 PIN 码确认(&amp;C)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The guardian&apos;s PIN confirms this answer.</source>
        <translation>由监护人的 PIN 码确认这个答复。</translation>
    </message>
    <message>
        <source>The PIN was not confirmed, so nothing changed.</source>
        <translation>PIN 码未确认，所以没有任何改变。</translation>
    </message>
</context>
<context>
    <name>NoticeView</name>
    <message>
        <source>Notice %1</source>
        <translation>告知 %1</translation>
    </message>
</context>
<context>
    <name>ParentalPanel</name>
    <message>
        <source>Open Guardian settings.</source>
        <translation>打开家长设置。</translation>
    </message>
    <message>
        <source>This page could not be read: %1</source>
        <translation>无法读取此页面：%1</translation>
    </message>
    <message>
        <source>%1 — Guardian settings</source>
        <translation>%1 — 家长设置</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置页面</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Restore defaults</source>
        <translation>恢复默认值(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved.</source>
        <translation>“%1”有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>“%1” was not saved: %2</source>
        <translation>“%1”未能保存：%2</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Guardian PIN</source>
        <translation>监护人 PIN 码</translation>
    </message>
    <message>
        <source>This needs the guardian&apos;s PIN.</source>
        <translation>此操作需要监护人的 PIN 码。</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>PIN 码或密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Forgot PIN?</source>
        <translation>忘记 PIN 码(&amp;F)？</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Type the recovery code you wrote down at setup and choose a new PIN. You will get a new recovery code; the old one stops working.</source>
        <translation>请输入设置时记下的恢复码，并选择新的 PIN 码。您会得到一个新的恢复码，旧的恢复码将失效。</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>恢复码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;New PIN or passphrase:</source>
        <translation>新的 PIN 码或密码短语(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;peat it:</source>
        <translation>再输入一次(&amp;P)：</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>再次输入新 PIN 码</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Set new PIN</source>
        <translation>设置新 PIN 码(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以再试一次了。</translation>
    </message>
    <message>
        <source>No guardian PIN has been set yet.</source>
        <translation>还没有设置监护人 PIN 码。</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>两次输入的新 PIN 码不一致。</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>Choose the guardian PIN</source>
        <translation>设置监护人 PIN 码</translation>
    </message>
    <message>
        <source>The PIN opens Guardian settings and lets a child leave minor mode. Use at least 6 digits, or a passphrase of at least 8 characters. Do not tell your child.</source>
        <translation>PIN 码用于打开家长设置，也用于让孩子退出未成年人模式。请使用至少 6 位数字，或至少 8 个字符的密码短语。不要告诉孩子。</translation>
    </message>
    <message>
        <source>&amp;PIN or passphrase:</source>
        <translation>PIN 码或密码短语(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>再输入一次(&amp;R)：</translation>
    </message>
    <message>
        <source>New guardian PIN</source>
        <translation>新的监护人 PIN 码</translation>
    </message>
    <message>
        <source>Repeat the new guardian PIN</source>
        <translation>再次输入新的监护人 PIN 码</translation>
    </message>
    <message>
        <source>A PIN is chosen. Type a new one here only to change it.</source>
        <translation>PIN 码已设置。只有想更改时，才需要在这里输入新的。</translation>
    </message>
    <message>
        <source>The two entries are not the same. Type the PIN again.</source>
        <translation>两次输入不一致。请重新输入 PIN 码。</translation>
    </message>
</context>
<context>
    <name>ProfilePickerView</name>
    <message>
        <source>Chat as %1</source>
        <translation>以 %1 的身份聊天</translation>
    </message>
    <message>
        <source>Who is chatting today?</source>
        <translation>今天谁来聊天？</translation>
    </message>
    <message>
        <source>Guardian settings…</source>
        <translation>家长设置…</translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation>现在需要帮助？</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ProfilesPage</name>
    <message>
        <source>Profiles and consent</source>
        <translation>孩子档案与同意</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>孩子</translation>
    </message>
    <message>
        <source>Child profiles</source>
        <translation>孩子档案</translation>
    </message>
    <message>
        <source>&amp;Add child…</source>
        <translation>添加孩子(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>记录同意…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Record training consent…</source>
        <translation>记录训练同意…</translation>
    </message>
    <message>
        <source>Withdraw training</source>
        <translation>撤回训练同意</translation>
    </message>
    <message>
        <source>Record service consent</source>
        <translation>记录服务同意</translation>
    </message>
    <message>
        <source>Withdraw service consent</source>
        <translation>撤回服务同意</translation>
    </message>
    <message>
        <source>Record training consent</source>
        <translation>记录训练同意</translation>
    </message>
    <message>
        <source>Withdraw training consent</source>
        <translation>撤回训练同意</translation>
    </message>
    <message>
        <source>Guardian and emergency contact</source>
        <translation>监护人和紧急联系人</translation>
    </message>
    <message>
        <source>minor mode on</source>
        <translation>未成年人模式已开启</translation>
    </message>
    <message>
        <source>minor mode OFF</source>
        <translation>未成年人模式已关闭</translation>
    </message>
    <message>
        <source>%1 — age %2 — %3</source>
        <translation>%1 — %2 岁 — %3</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>删除 %1 吗？</translation>
    </message>
    <message>
        <source>Remove %1&apos;s profile? Their chats and consent records are deleted too. This cannot be undone.</source>
        <translation>要删除 %1 的档案吗？其聊天记录和同意记录也会一并删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Removing %1&apos;s profile needs the PIN again.</source>
        <translation>删除 %1 的档案需要再次输入 PIN 码。</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Add a child to record consent.</source>
        <translation>请先添加孩子，再记录同意。</translation>
    </message>
    <message>
        <source>Leave minor mode…</source>
        <translation>退出未成年人模式…</translation>
    </message>
    <message>
        <source>Enter minor mode</source>
        <translation>进入未成年人模式</translation>
    </message>
    <message>
        <source>Consent for %1</source>
        <translation>%1 的同意</translation>
    </message>
    <message>
        <source>Service consent</source>
        <translation>服务同意</translation>
    </message>
    <message>
        <source>Service consent: not given. %1 cannot chat until you record it.</source>
        <translation>服务同意：未给予。在您记录同意之前，%1 无法聊天。</translation>
    </message>
    <message>
        <source>Service consent: not needed (14 or older).</source>
        <translation>服务同意：无需（已满 14 岁）。</translation>
    </message>
    <message>
        <source>Training use</source>
        <translation>用于训练</translation>
    </message>
    <message>
        <source>Training use: not allowed (the default).</source>
        <translation>用于训练：不允许（默认）。</translation>
    </message>
    <message>
        <source>%1: given by %2 on %3 (%4).</source>
        <translation>%1：由 %2 于 %3 给予（%4）。</translation>
    </message>
    <message>
        <source>Withdraw consent for %1? The chat closes at once.</source>
        <translation>要撤回对 %1 的同意吗？聊天会立即关闭。</translation>
    </message>
    <message>
        <source>Withdraw consent for %1?</source>
        <translation>要撤回对 %1 的同意吗？</translation>
    </message>
    <message>
        <source>Withdraw training consent for %1? It applies from now on.</source>
        <translation>要撤回对 %1 的训练同意吗？从现在起生效。</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>撤回同意</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeView</name>
    <message>
        <source>This is your recovery code. If you forget your PIN, it lets you set a new one. Hearth shows it only this once.</source>
        <translation>这是您的恢复码。如果忘记了 PIN 码，可以用它设置新的 PIN 码。Hearth 只显示这一次。</translation>
    </message>
    <message>
        <source>Write it on paper and keep it somewhere your child cannot find it. Do not save it on this computer.</source>
        <translation>请把它写在纸上，放在孩子找不到的地方。不要保存在这台电脑上。</translation>
    </message>
    <message>
        <source>I have written the recovery code down</source>
        <translation>我已经记下了恢复码</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Your recovery code</source>
        <translation>您的恢复码</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>OK</source>
        <extracomment>How long a banner stays when nobody dismisses it. At most this many banners at once; the oldest goes first.</extracomment>
        <translation>好的</translation>
    </message>
    <message>
        <source>Dismiss the reminder: %1</source>
        <translation>关闭提醒：%1</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report this message</source>
        <extracomment>How much of the reported message the dialog shows; the ticket keeps all of it. Radio circles drawn from the palette, so they stand out in the light and the dark theme alike (the default circles nearly vanish on the dark background).</extracomment>
        <translation>举报这条消息</translation>
    </message>
    <message>
        <source>Tell your guardian what was wrong with this message from the companion.</source>
        <translation>告诉你的监护人，AI 伙伴的这条消息哪里不对。</translation>
    </message>
    <message>
        <source>The companion (AI) said:</source>
        <translation>AI 伙伴(人工智能)说：</translation>
    </message>
    <message>
        <source>The reported message</source>
        <translation>被举报的消息</translation>
    </message>
    <message>
        <source>What was wrong? Choose one:</source>
        <translation>哪里不对？选一项：</translation>
    </message>
    <message>
        <source>&amp;Anything else you want to say? (you can leave this empty)</source>
        <translation>还有什么想说的吗？(&amp;A)(可以不填)</translation>
    </message>
    <message>
        <source>Your comment (optional)</source>
        <translation>你的补充(可选)</translation>
    </message>
    <message>
        <source>Send the report</source>
        <translation>发送举报</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>&amp;Child:</source>
        <translation>孩子(&amp;C)：</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>最近 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Reports show how long and when, never what was said: the chats themselves are not part of a report.</source>
        <translation>报告只显示使用了多久、在什么时候，从不显示聊天内容：聊天本身不属于报告。</translation>
    </message>
    <message>
        <source>Add a child profile first.</source>
        <translation>请先添加孩子档案。</translation>
    </message>
    <message>
        <source>Minutes per day</source>
        <translation>每日分钟数</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 当周</translation>
    </message>
    <message>
        <source>Minutes per week</source>
        <translation>每周分钟数</translation>
    </message>
    <message>
        <source>Messages by time of day</source>
        <translation>各时段的消息数</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>条</translation>
    </message>
    <message>
        <source>Reminders shown</source>
        <translation>已显示的提醒</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>Long use</source>
        <translation>长时间使用</translation>
    </message>
    <message>
        <source>&quot;I am an AI&quot;</source>
        <translation>“我是 AI”</translation>
    </message>
    <message>
        <source>AI re-disclosure</source>
        <translation>再次说明 AI 身份</translation>
    </message>
    <message>
        <source>Time warnings</source>
        <translation>时间预警</translation>
    </message>
    <message numerus="yes">
        <source>In total: %1 h %2 min, on average %n min a day.</source>
        <translation>
            <numerusform>共计 %1 小时 %2 分钟，平均每天 %n 分钟。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The daily limit was reached on %n day(s).</source>
        <translation>
            <numerusform>有 %n 天达到了每日时长上限。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) to chat during the night-time curfew.</source>
        <translation>
            <numerusform>在夜间休息时段尝试聊天 %n 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More time given %n time(s); curfew lifted %1 time(s).</source>
        <translation>
            <numerusform>延长时间 %n 次；取消夜间休息时段 %1 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) shown.</source>
        <translation>
            <numerusform>显示了 %n 次提醒。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hearth noticed %n attempt(s) to change the clock or the usage records; see the activity log.</source>
        <translation>
            <numerusform>Hearth 发现 %n 次试图修改时钟或使用记录的行为；详见审计日志。</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage records were changed outside Hearth on: %1. Those days count as fully used.</source>
        <translation>以下日期的使用记录在 Hearth 之外被修改：%1。这些日期按已用满计算。</translation>
    </message>
    <message>
        <source>The usage records could not be checked (the keyring is not available), so the figures are shown as stored.</source>
        <translation>无法校验使用记录（密钥环不可用），因此按保存的数据原样显示。</translation>
    </message>
</context>
<context>
    <name>ServiceConsentChoice</name>
    <message>
        <source>%1 is under 14. Before %1 can chat, Hearth needs your consent as their guardian. Please read the notice, then choose. Both answers are fine.</source>
        <translation>%1 未满 14 岁。在 %1 开始聊天之前，Hearth 需要您作为监护人的同意。请阅读告知，然后做出选择。两种回答都可以。</translation>
    </message>
    <message>
        <source>&amp;I agree (record my consent)</source>
        <translation>我同意(&amp;I)（记录我的同意）</translation>
    </message>
    <message>
        <source>Continue &amp;without consent</source>
        <translation>暂不同意，继续(&amp;W)</translation>
    </message>
    <message>
        <source>I agree to the notice for %1</source>
        <translation>我同意关于 %1 的告知</translation>
    </message>
    <message>
        <source>Continue without consent for %1</source>
        <translation>暂不为 %1 给予同意，继续</translation>
    </message>
    <message>
        <source>Without consent, %1&apos;s profile is still created, but %1 cannot chat until you record consent in Guardian settings.</source>
        <translation>如果不同意，%1 的档案仍会创建，但在您于家长设置中记录同意之前，%1 无法聊天。</translation>
    </message>
</context>
<context>
    <name>ServiceConsentPage</name>
    <message>
        <source>Consent for %1</source>
        <translation>%1 的同意</translation>
    </message>
</context>
<context>
    <name>SetupTexts</name>
    <message>
        <source>Choose a PIN or passphrase.</source>
        <translation>请设置 PIN 码或密码短语。</translation>
    </message>
    <message>
        <source>Type the PIN first.</source>
        <translation>请先输入 PIN 码。</translation>
    </message>
    <message numerus="yes">
        <source>That is too long: at most %n characters.</source>
        <translation>
            <numerusform>太长了：最多 %n 个字符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A numeric PIN needs at least %n digits.</source>
        <translation>
            <numerusform>数字 PIN 码至少需要 %n 位。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A passphrase needs at least %n characters (or use a PIN of at least 6 digits).</source>
        <translation>
            <numerusform>密码短语至少需要 %n 个字符（或者使用至少 6 位数字的 PIN 码）。</numerusform>
        </translation>
    </message>
    <message>
        <source>It contains a control character (such as a tab). Type it again.</source>
        <translation>其中含有控制字符（例如 Tab）。请重新输入。</translation>
    </message>
    <message>
        <source>Type the recovery code first.</source>
        <translation>请先输入恢复码。</translation>
    </message>
    <message>
        <source>That is not a recovery code: it is far too long.</source>
        <translation>这不是恢复码：长度远远超出。</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN entry is locked: the computer&apos;s clock is earlier than the last wrong try. Correct the clock, or try again in %1.</source>
        <translation>PIN 码输入已锁定：电脑时钟早于上次输错的时间。请校正时钟，或在 %1 后再试。</translation>
    </message>
    <message>
        <source>Too many tries. Try again in %1.</source>
        <translation>尝试次数过多。请在 %1 后再试。</translation>
    </message>
    <message>
        <source>The recovery code is not correct.</source>
        <translation>恢复码不正确。</translation>
    </message>
    <message>
        <source>The PIN is not correct.</source>
        <translation>PIN 码不正确。</translation>
    </message>
    <message numerus="yes">
        <source>%n more wrong tries before PIN entry pauses.</source>
        <translation>
            <numerusform>再输错 %n 次，PIN 码输入就会暂停。</numerusform>
        </translation>
    </message>
    <message>
        <source>Type your name (at most 80 characters).</source>
        <translation>请输入您的姓名（最多 80 个字符）。</translation>
    </message>
    <message>
        <source>The emergency contact&apos;s name is at most 80 characters.</source>
        <translation>紧急联系人的姓名最多 80 个字符。</translation>
    </message>
    <message>
        <source>That does not look like an e-mail address.</source>
        <translation>这看起来不像电子邮件地址。</translation>
    </message>
    <message>
        <source>That does not look like a phone number.</source>
        <translation>这看起来不像电话号码。</translation>
    </message>
    <message>
        <source>Give at least one way to reach you or the emergency contact: an e-mail address or a phone number.</source>
        <translation>请至少留下一种联系您或紧急联系人的方式：电子邮件地址或电话号码。</translation>
    </message>
    <message>
        <source>Check the birthday: it cannot be in the future or more than 120 years ago.</source>
        <translation>请检查生日：不能是将来的日期，也不能早于 120 年前。</translation>
    </message>
    <message>
        <source>Type the child&apos;s name (at most 40 characters).</source>
        <translation>请输入孩子的名字（最多 40 个字符）。</translation>
    </message>
    <message>
        <source>Type your name to record who gives the consent (at most 100 characters).</source>
        <translation>请输入您的姓名，以记录由谁给予同意（最多 100 个字符）。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Hearth</source>
        <extracomment>Children under 14 without service consent: they have a profile but cannot chat yet.</extracomment>
        <translation>设置 Hearth</translation>
    </message>
    <message>
        <source>Guardian: %1</source>
        <translation>监护人：%1</translation>
    </message>
    <message>
        <source>%1, age %2</source>
        <translation>%1，%2 岁</translation>
    </message>
    <message>
        <source>your consent is recorded</source>
        <translation>已记录您的同意</translation>
    </message>
    <message>
        <source>no consent: the profile is created, but the chat stays closed until you record consent in Guardian settings</source>
        <translation>未同意：档案会创建，但在您于家长设置中记录同意之前，聊天保持关闭</translation>
    </message>
    <message>
        <source>training use: allowed</source>
        <translation>用于训练：允许</translation>
    </message>
    <message>
        <source>training use: no</source>
        <translation>用于训练：不允许</translation>
    </message>
    <message>
        <source>Secrets: a plain file in the data folder (weaker), as you chose.</source>
        <translation>密钥：按照您的选择，保存在数据文件夹中的普通文件里（保护较弱）。</translation>
    </message>
    <message>
        <source>Press Finish to save all of this at once.</source>
        <translation>点“完成”即可一次性保存以上所有内容。</translation>
    </message>
    <message>
        <source>A family is already set up for this account, so nothing was saved. Open Hearth normally, or restore the family from its export.</source>
        <translation>这个系统账户已经设置过家庭，所以没有保存任何内容。请正常打开 Hearth，或者从导出文件恢复家庭。</translation>
    </message>
    <message>
        <source>The system keyring stopped answering, so nothing was saved. Start the keyring and press Finish again, or go back and choose the plain file.</source>
        <translation>系统密钥环停止响应，所以没有保存任何内容。请启动密钥环后再点“完成”，或者返回并选择普通文件。</translation>
    </message>
    <message>
        <source>Setup failed and nothing was saved: %1</source>
        <translation>设置失败，没有保存任何内容：%1</translation>
    </message>
    <message>
        <source>Cancel setup?</source>
        <translation>取消设置吗？</translation>
    </message>
    <message>
        <source>Stop the setup? Nothing has been saved, and nothing will be.</source>
        <translation>要停止设置吗？目前没有保存任何内容，之后也不会保存。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready to set up Hearth</source>
        <translation>准备好设置 Hearth 了</translation>
    </message>
</context>
<context>
    <name>SupervisionInfoDialog</name>
    <message>
        <source>When you used Hearth, and for how long (a usage summary).</source>
        <extracomment>R26: chats are deleted after this many days unless the guardian chose otherwise.</extracomment>
        <translation>你什么时候用了 Hearth，用了多久(使用概况)。</translation>
    </message>
    <message>
        <source>A message if something worrying comes up — for example about getting hurt, or someone asking where you live. It says what kind of worry it is, with a few of the words that were written.</source>
        <translation>如果出现让人担心的事——比如有关受伤，或者有人问你住在哪里——监护人会收到提醒。提醒会说明是哪一类担心，并附上几句当时写的话。</translation>
    </message>
    <message>
        <source>A message if something worrying comes up — for example about getting hurt, or someone asking where you live. It says what kind of worry it is, not your words.</source>
        <translation>如果出现让人担心的事——比如有关受伤，或者有人问你住在哪里——监护人会收到提醒。提醒只说明是哪一类担心，不包括你写的话。</translation>
    </message>
    <message>
        <source>Reports, complaints and requests you send from Hearth.</source>
        <translation>你在 Hearth 里发出的举报、投诉和请求。</translation>
    </message>
    <message>
        <source>Your whole chats: every message you write and every answer, because your guardian switched on “full transcript”.</source>
        <translation>你的全部聊天：你写的每条消息和每个回答，因为监护人打开了“完整聊天记录”。</translation>
    </message>
    <message>
        <source>NOT your chats. Your guardian cannot read your messages. If they ever switch on “full transcript”, this page will say so at the top.</source>
        <translation>看不到你的聊天内容。监护人不能阅读你的消息。如果他们打开“完整聊天记录”，这个页面的最上面会告诉你。</translation>
    </message>
    <message>
        <source>Hearth never sells your information or gives it away.</source>
        <translation>Hearth 从不出售或送出你的信息。</translation>
    </message>
    <message>
        <source>Hearth never shows you ads.</source>
        <translation>Hearth 从不给你看广告。</translation>
    </message>
    <message>
        <source>Hearth never tracks where you are: it does not use your location.</source>
        <translation>Hearth 从不追踪你在哪里：它不使用你的位置。</translation>
    </message>
    <message>
        <source>Your guardian chose an online companion, so your messages are sent to that service to get answers.</source>
        <translation>你的监护人选择了在线 AI 伙伴，所以你的消息会发送到那个服务来获得回答。</translation>
    </message>
    <message numerus="yes">
        <source>Your chats are saved on this computer and deleted automatically after %n days.</source>
        <translation>
            <numerusform>你的聊天保存在这台电脑上，%n 天后会自动删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your chats are saved on this computer until your guardian deletes them.</source>
        <translation>你的聊天保存在这台电脑上，直到监护人删除。</translation>
    </message>
    <message>
        <source>Your guardian can delete them sooner.</source>
        <translation>监护人也可以提前删除。</translation>
    </message>
    <message>
        <source>Ask your guardian: they can show you the settings and explain them.</source>
        <translation>问问你的监护人：他们可以给你看设置并解释给你听。</translation>
    </message>
    <message>
        <source>If something feels wrong, use “Report a problem” in the chat.</source>
        <translation>如果觉得哪里不对，可以在聊天里用“反馈问题”。</translation>
    </message>
    <message>
        <source>What can my guardian see?</source>
        <translation>我的监护人能看到什么？</translation>
    </message>
    <message>
        <source>Supervision is on: what can my guardian see?</source>
        <translation>监护已开启：我的监护人能看到什么？</translation>
    </message>
    <message>
        <source>Your guardian can read all your chats.</source>
        <translation>你的监护人可以阅读你的全部聊天。</translation>
    </message>
    <message>
        <source>They switched on “full transcript”. Every message you write, and every answer from the companion, can be read by them.</source>
        <translation>他们打开了“完整聊天记录”。你写的每条消息和 AI 伙伴的每个回答，他们都能看到。</translation>
    </message>
    <message>
        <source>Your guardian cannot read your chats.</source>
        <translation>你的监护人不能阅读你的聊天。</translation>
    </message>
    <message>
        <source>They see how long you chat, and they get a message if something worrying comes up.</source>
        <translation>他们能看到你聊了多久；如果出现让人担心的事，他们会收到提醒。</translation>
    </message>
    <message>
        <source>Your guardian is a grown-up in your family who looks after how Hearth is used. Here is exactly what they can and cannot see.</source>
        <translation>监护人是你家里负责照看 Hearth 使用情况的大人。下面清楚地写着他们能看到什么、不能看到什么。</translation>
    </message>
    <message>
        <source>What your guardian can see</source>
        <translation>监护人能看到的</translation>
    </message>
    <message>
        <source>What Hearth never does</source>
        <translation>Hearth 绝不会做的事</translation>
    </message>
    <message>
        <source>How long things are kept</source>
        <translation>信息保存多久</translation>
    </message>
    <message>
        <source>Questions?</source>
        <translation>有问题？</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this page</source>
        <translation>关闭这个页面</translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Start Hearth when this user logs in</source>
        <translation>此用户登录时启动 Hearth</translation>
    </message>
    <message>
        <source>Use the operating system&apos;s start-up settings on this platform.</source>
        <translation>在此平台上，请使用操作系统自带的开机启动设置。</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Run the protection self-test</source>
        <translation>运行保护自检</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) need attention.</source>
        <translation>
            <numerusform>有 %n 项检查需要处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every protection check passed or only warns.</source>
        <translation>所有保护检查均已通过，或只有警告。</translation>
    </message>
</context>
<context>
    <name>TicketDetail</name>
    <message>
        <source>%1 — overdue</source>
        <translation>%1——已超期</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>The companion said:</source>
        <translation>AI 伙伴说：</translation>
    </message>
    <message>
        <source>The child wrote:</source>
        <translation>孩子写道：</translation>
    </message>
    <message>
        <source>The child wrote nothing else.</source>
        <translation>孩子没有写其他内容。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>the child</source>
        <translation>孩子</translation>
    </message>
</context>
<context>
    <name>TicketReceipt</name>
    <message>
        <source>Copy number</source>
        <translation>复制编号</translation>
    </message>
    <message>
        <source>Copy the ticket number</source>
        <translation>复制受理编号</translation>
    </message>
    <message>
        <source>You already sent this on %1. Your guardian has not decided yet.</source>
        <translation>你已经在 %1 发送过了。监护人还没有做出决定。</translation>
    </message>
</context>
<context>
    <name>TimePage</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>&amp;Child:</source>
        <translation>孩子(&amp;C)：</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>孩子</translation>
    </message>
    <message>
        <source>Add a child profile first.</source>
        <translation>请先添加孩子档案。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Allowed hours must start before they end (&quot;until 00:00&quot; means midnight).</source>
        <translation>允许的时段必须先开始、后结束（“至 00:00”表示到午夜）。</translation>
    </message>
    <message>
        <source>The curfew must start and end at different times.</source>
        <translation>夜间休息时段的开始和结束时间不能相同。</translation>
    </message>
    <message>
        <source>Check the time settings (%1).</source>
        <translation>请检查时间设置（%1）。</translation>
    </message>
</context>
<context>
    <name>TimeRulesForm</name>
    <message>
        <source>Days</source>
        <translation>每周各天</translation>
    </message>
    <message>
        <source>Minutes a day</source>
        <translation>每日分钟数</translation>
    </message>
    <message>
        <source>Allowed hours</source>
        <translation>允许的时段</translation>
    </message>
    <message>
        <source>Minutes on %1</source>
        <translation>%1的分钟数</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>No limit on %1</source>
        <translation>%1不限时</translation>
    </message>
    <message>
        <source>Only from</source>
        <translation>仅限</translation>
    </message>
    <message>
        <source>Only between set hours on %1</source>
        <translation>%1仅在设定时段内</translation>
    </message>
    <message>
        <source>%1 from</source>
        <translation>%1开始时间</translation>
    </message>
    <message>
        <source>%1 until</source>
        <translation>%1结束时间</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Night-time curfew</source>
        <translation>夜间休息时段</translation>
    </message>
    <message>
        <source>No chatting at &amp;night</source>
        <translation>夜间不能聊天(&amp;N)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>until</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Curfew starts</source>
        <translation>夜间休息开始</translation>
    </message>
    <message>
        <source>Curfew ends</source>
        <translation>夜间休息结束</translation>
    </message>
    <message>
        <source>Breaks and reminders</source>
        <translation>休息与提醒</translation>
    </message>
    <message>
        <source>Limit one &amp;session to (minutes)</source>
        <translation>单次聊天上限(&amp;S)（分钟）</translation>
    </message>
    <message>
        <source>Session length in minutes</source>
        <translation>单次聊天时长（分钟）</translation>
    </message>
    <message>
        <source>&amp;Break before the next session (minutes)</source>
        <translation>下次聊天前的休息时间(&amp;B)（分钟）</translation>
    </message>
    <message>
        <source>&amp;Rest reminder every (minutes)</source>
        <translation>休息提醒间隔(&amp;R)（分钟）</translation>
    </message>
    <message>
        <source>&quot;I am an &amp;AI&quot; reminder every (minutes)</source>
        <translation>“我是 AI”提醒间隔(&amp;A)（分钟）</translation>
    </message>
    <message>
        <source>The rest reminder cannot be switched off: at most every 30 minutes, as the minor-mode guidelines ask. The AI reminder comes at least every 3 hours.</source>
        <translation>休息提醒不能关闭：按照未成年人模式指南的要求，至少每 30 分钟提醒一次。AI 身份提醒至少每 3 小时出现一次。</translation>
    </message>
    <message>
        <source>&amp;Pause chatting for this child until I switch it back on</source>
        <translation>暂停这个孩子的聊天，直到我重新开启(&amp;P)</translation>
    </message>
    <message>
        <source>Leave a day empty for the default for the child&apos;s age; 0 means no chatting that day.</source>
        <translation>某天留空则使用孩子年龄对应的默认值；0 表示当天不能聊天。</translation>
    </message>
    <message>
        <source>default: no limit</source>
        <translation>默认：不限</translation>
    </message>
    <message numerus="yes">
        <source>default: %n min</source>
        <translation>
            <numerusform>默认：%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave empty for the default for the child&apos;s age (%1).</source>
        <translation>留空则使用孩子年龄对应的默认值（%1）。</translation>
    </message>
</context>
<context>
    <name>TrainingConsentBox</name>
    <message>
        <source>Using chats to train AI models</source>
        <translation>用聊天训练 AI 模型</translation>
    </message>
    <message>
        <source>Read the &amp;notice…</source>
        <translation>阅读告知(&amp;N)…</translation>
    </message>
    <message>
        <source>Allow %1&apos;s chats to be used to train AI models</source>
        <translation>允许用 %1 的聊天训练 AI 模型</translation>
    </message>
    <message>
        <source>%1 is under 14, so only you, the guardian, can give this consent.</source>
        <translation>%1 未满 14 岁，所以只有您（监护人）可以给予这项同意。</translation>
    </message>
    <message>
        <source>This is separate from everything else and off unless you switch it on. You can withdraw it at any time; %1 can ask you to.</source>
        <translation>这项同意与其他事项分开，除非您打开，否则一直关闭。您可以随时撤回；%1 也可以请您撤回。</translation>
    </message>
    <message>
        <source>Ticking it records your consent to notice %1.</source>
        <translation>勾选后会记录您对告知（版本 %1）的同意。</translation>
    </message>
    <message>
        <source>Not given. Without it, chats are never used for training.</source>
        <translation>未给予。没有这项同意，聊天绝不会用于训练。</translation>
    </message>
    <message>
        <source>Given by %1 on %2 (notice %3).</source>
        <translation>由 %1 于 %2 给予（告知版本 %3）。</translation>
    </message>
    <message>
        <source>Withdrawn on %1 (it was given by %2 on %3, notice %4).</source>
        <translation>已于 %1 撤回（原由 %2 于 %3 给予，告知版本 %4）。</translation>
    </message>
    <message>
        <source>Your change is recorded when you save.</source>
        <translation>您的更改会在保存时记录。</translation>
    </message>
    <message>
        <source>Notice: using chats to train AI models</source>
        <translation>告知：用聊天训练 AI 模型</translation>
    </message>
</context>
<context>
    <name>TrainingConsentChoice</name>
    <message>
        <source>A separate question about %1. It is off unless you tick it, and your answer changes nothing else in Hearth.</source>
        <translation>这是关于 %1 的一个单独问题。除非您勾选，否则保持关闭；您的回答不会改变 Hearth 中的其他任何设置。</translation>
    </message>
    <message>
        <source>Allow %1&apos;s chats to be used to train AI models</source>
        <translation>允许用 %1 的聊天训练 AI 模型</translation>
    </message>
</context>
<context>
    <name>TrainingConsentPage</name>
    <message>
        <source>Training AI models: a separate question (%1)</source>
        <translation>训练 AI 模型：一个单独的问题（%1）</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Hearth</source>
        <translation>显示 Hearth</translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation>现在需要帮助？</translation>
    </message>
</context>
<context>
    <name>_GateView</name>
    <message>
        <source>Need help now?</source>
        <translation>现在需要帮助？</translation>
    </message>
</context>
<context>
    <name>_NameField</name>
    <message>
        <source>Your full &amp;name (who gives consent):</source>
        <translation>您的全名(&amp;N)（给予同意的人）：</translation>
    </message>
    <message>
        <source>Name of the person giving consent</source>
        <translation>给予同意的人的姓名</translation>
    </message>
</context>
</TS>
