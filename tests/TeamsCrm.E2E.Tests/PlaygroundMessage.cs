using System.Text.Json.Nodes;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// One message event of the playground's conversation WebSocket: what its UI renders. The JSON, as sent by 0.2.28:
/// <code>
/// { "action": "createMessage" | "updateMessage",
///   "actionConversationId": "a:demo-personal-li-na",
///   "message": { "messageId": "1795364491014",          // Date.now() as a string; the id the bot's reply got
///                "timestamp": 1795364491014,
///                "from": { "id": "28:…" },               // the bot's id; the person's own messages are not echoed
///                "text": "…",                            // text replies only
///                "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive", "content": { card } } ],
///                "attachmentLayout": "list", "mentions": [],
///                "directLineConversationId": "a:demo-personal-li-na" } }
/// </code>
/// An updateMessage carries the messageId of the card it replaces. There is no replyToId, so a reply is
/// recognised by what it says. Other events ({"action":"typing", …}) are not messages and are skipped.
/// </summary>
public sealed record PlaygroundMessage(string Action, string ConversationId, string MessageId, string? FromId, string? Text, JsonObject? Card)
{
    public const string Created = "createMessage";
    public const string Updated = "updateMessage";

    public string? CardTitle => Card is null ? null : AdaptiveCardJson.Title(Card);

    public static PlaygroundMessage? TryParse(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject e || (string?)e["action"] is not (Created or Updated) || e["message"] is not JsonObject m)
            return null;
        var card = m["attachments"]?.AsArray()
            .FirstOrDefault(a => (string?)a?["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"] as JsonObject;
        return new PlaygroundMessage((string)e["action"]!, (string?)e["actionConversationId"] ?? "", (string?)m["messageId"] ?? "",
            (string?)m["from"]?["id"], (string?)m["text"], card);
    }
}
