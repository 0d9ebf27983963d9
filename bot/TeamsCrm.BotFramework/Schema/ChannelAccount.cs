using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsCrm.BotFramework.Schema;

/// <summary>A user or bot. In Teams, <see cref="Id"/> is the per-bot "29:…" id; <see cref="AadObjectId"/> is the Entra object id.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    /// <summary>personal | groupChat | channel.</summary>
    public string? ConversationType { get; set; }
    public bool? IsGroup { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
