using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Reminders;

/// <summary>
/// Activities as Teams sends them from a team's channel: the conversation is the thread ("…;messageid=…") of type
/// channel, and channelData names the team and the channel.
/// </summary>
static class ChannelActivities
{
    public const string Thread = Demo.TeamChannel + ";messageid=1700000000000";

    public static JsonObject InChannel(this JsonObject activity)
    {
        activity["conversation"] = new JsonObject
        {
            ["conversationType"] = "channel", ["tenantId"] = Demo.TenantId, ["id"] = Thread, ["isGroup"] = true,
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Demo.TenantId },
            ["team"] = new JsonObject { ["id"] = Demo.TeamId, ["name"] = "Sales East Team", ["aadGroupId"] = "7a1c0000-0000-4000-8000-0000000000a1" },
            ["channel"] = new JsonObject { ["id"] = Demo.TeamChannel },
        };
        return activity;
    }
}
