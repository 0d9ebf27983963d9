namespace TeamsCrm.BotFramework.Schema;

/// <summary>What a proactive message needs to reach a conversation later.</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Locale { get; set; }
}

/// <summary>Body of POST /v3/conversations.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public System.Text.Json.Nodes.JsonNode? ChannelData { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

public sealed class PagedMembersResult
{
    public string? ContinuationToken { get; set; }
    public List<ChannelAccount> Members { get; set; } = [];
}

/// <summary>The answer of GET /v3/teams/{teamId}/conversations: the team's channels (the General channel's name is absent).</summary>
public sealed class ConversationList
{
    public List<ChannelInfo> Conversations { get; set; } = [];
}
