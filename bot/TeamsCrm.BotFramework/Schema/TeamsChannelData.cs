using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeamsCrm.BotFramework.Schema;

/// <summary>The Teams-specific part of <see cref="Activity.ChannelData"/> that the app reads.</summary>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public ChannelInfo? Channel { get; set; }
    /// <summary>channelCreated, channelDeleted, channelRenamed, teamRenamed, teamMemberAdded, …</summary>
    public string? EventType { get; set; }
    public TeamsChannelSettings? Settings { get; set; }

    public static TeamsChannelData? From(Activity activity)
    {
        if (activity.ChannelData is not JsonObject) return null;
        try { return activity.ChannelData.Deserialize<TeamsChannelData>(BotJson.Options); }
        catch (JsonException) { return null; }   // a channel that sends something else: treat as absent
    }
}

public sealed class TenantInfo { public string? Id { get; set; } }

public sealed class TeamInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}

public sealed class ChannelInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
}

public sealed class TeamsChannelSettings { public ChannelInfo? SelectedChannel { get; set; } }
