namespace TeamsCrm.BotFramework.Tests.Schema;

/// <summary>Activities as Teams sends them (shapes taken from the Bot Framework and Teams docs), ids shortened.</summary>
static class TeamsJson
{
    /// <summary>"@TeamsCrm help" posted in a team channel thread, with the HTML copy Teams adds and a clientInfo entity.</summary>
    public const string ChannelMessage = """
        {
          "text": "<at>TeamsCrm</at> help",
          "textFormat": "plain",
          "attachments": [
            { "contentType": "text/html", "content": "<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">TeamsCrm</span> help</div></div>" }
          ],
          "type": "message",
          "timestamp": "2026-11-22T08:15:30.1234567Z",
          "localTimestamp": "2026-11-22T16:15:30.1234567+08:00",
          "id": "1763799330123",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/apac/",
          "from": { "id": "29:1Qx-li-na", "name": "Li Na", "aadObjectId": "7a1c0000-0000-4000-8000-000000000011" },
          "conversation": {
            "isGroup": true, "conversationType": "channel", "tenantId": "7a1c0000-0000-4000-8000-000000000001",
            "id": "19:sales-east@thread.tacv2;messageid=1763799330123"
          },
          "recipient": { "id": "28:7a1c0000-0000-4000-8000-0000000000b0", "name": "TeamsCrm" },
          "entities": [
            { "mentioned": { "id": "28:7a1c0000-0000-4000-8000-0000000000b0", "name": "TeamsCrm" }, "text": "<at>TeamsCrm</at>", "type": "mention" },
            { "locale": "en-US", "country": "US", "platform": "Web", "timezone": "Asia/Shanghai", "type": "clientInfo" }
          ],
          "channelData": {
            "teamsChannelId": "19:sales-east@thread.tacv2",
            "teamsTeamId": "19:team-root@thread.tacv2",
            "channel": { "id": "19:sales-east@thread.tacv2" },
            "team": { "id": "19:team-root@thread.tacv2" },
            "tenant": { "id": "7a1c0000-0000-4000-8000-000000000001" }
          },
          "locale": "en-US",
          "localTimezone": "Asia/Shanghai"
        }
        """;

    /// <summary>An Action.Execute click in a personal chat: invoke adaptiveCard/action with the verb, data and inputs.</summary>
    public const string CardActionInvoke = """
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "timestamp": "2026-11-22T08:20:01.5Z",
          "localTimestamp": "2026-11-22T16:20:01.5+08:00",
          "id": "f:8b4a4f0e-2d1c-4e4b-9e55-0c7c0e9e1a11",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/apac/",
          "from": { "id": "29:1Qx-li-na", "name": "Li Na", "aadObjectId": "7a1c0000-0000-4000-8000-000000000011" },
          "conversation": { "conversationType": "personal", "tenantId": "7a1c0000-0000-4000-8000-000000000001", "id": "a:1personal-li-na" },
          "recipient": { "id": "28:7a1c0000-0000-4000-8000-0000000000b0", "name": "TeamsCrm" },
          "entities": [ { "locale": "zh-CN", "country": "CN", "platform": "Windows", "timezone": "Asia/Shanghai", "type": "clientInfo" } ],
          "channelData": { "tenant": { "id": "7a1c0000-0000-4000-8000-000000000001" }, "source": { "name": "message" }, "legacy": { "replyToId": "1:1abcdef" } },
          "replyToId": "1763799330999",
          "value": {
            "action": {
              "type": "Action.Execute", "title": "保存", "id": "save", "verb": "visit.save",
              "data": { "customerId": "c-17", "result": "notYet", "note": "客户预算冻结 \"Q1\"", "amount": 12000.50, "followUp": true }
            },
            "trigger": "manual"
          },
          "locale": "zh-CN",
          "localTimezone": "Asia/Shanghai"
        }
        """;

    /// <summary>Properties this layer does not model, at every level that has a typed class.</summary>
    public const string WithUnknownProperties = """
        {
          "type": "message",
          "id": "1763799331000",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "text": "hello",
          "importance": "high",
          "deliveryMode": "notification",
          "callerId": "urn:botframework:azure",
          "suggestedActions": { "to": ["29:x"], "actions": [ { "type": "imBack", "title": "Yes", "value": "yes" } ] },
          "futureNumber": 12.50,
          "futureNull": null,
          "from": { "id": "29:x", "name": "Tom", "aadObjectId": "7a1c0000-0000-4000-8000-000000000012", "userPrincipalName": "tom@contoso.example", "tenantId": "t-1" },
          "recipient": { "id": "28:bot", "name": "TeamsCrm", "role": "bot", "futureFlag": false },
          "conversation": { "id": "a:1", "conversationType": "personal", "tenantId": "t-1", "conversationSubType": "future", "properties": { "a": [1, 2, { "b": null }] } },
          "attachments": [
            { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5", "body": [] }, "thumbnailUrl": "https://example.com/t.png", "futureLayout": { "w": 3 } }
          ],
          "entities": [
            { "type": "mention", "text": "<at>Tom</at>", "mentioned": { "id": "29:x", "name": "Tom" }, "futureScore": 0.75 },
            { "type": "https://schema.org/Message", "@type": "Message", "@context": "https://schema.org", "additionalType": ["AIGeneratedContent"] }
          ],
          "channelData": { "tenant": { "id": "t-1" }, "onBehalfOf": [ { "itemid": 0, "mentionType": "person" } ] }
        }
        """;
}
