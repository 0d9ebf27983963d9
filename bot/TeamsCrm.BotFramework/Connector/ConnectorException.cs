using System.Net;
using System.Text.Json;

namespace TeamsCrm.BotFramework.Connector;

public class ConnectorException(HttpStatusCode status, string? code, string body)
    : Exception($"Bot Connector answered {(int)status} {code}: {Truncate(body)}")
{
    public HttpStatusCode Status { get; } = status;
    public string? Code { get; } = code;

    static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}

/// <summary>403 MessageWritesBlocked: the user blocked or removed the bot. Stop messaging that conversation.</summary>
public sealed class MessageWritesBlockedException(string? conversationId, string body)
    : ConnectorException(HttpStatusCode.Forbidden, ConnectorError.MessageWritesBlocked, body)
{
    public string? ConversationId { get; } = conversationId;
}

static class ConnectorError
{
    public const string MessageWritesBlocked = "MessageWritesBlocked";

    /// <summary>The connector's error body is <c>{"error":{"code":…,"message":…}}</c>; anything else has no code.</summary>
    public static string? CodeOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        if (body.Contains(MessageWritesBlocked, StringComparison.Ordinal)) return MessageWritesBlocked;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
                && e.TryGetProperty("code", out var c) ? c.GetString() : null;
        }
        catch (JsonException) { return null; }
    }
}
