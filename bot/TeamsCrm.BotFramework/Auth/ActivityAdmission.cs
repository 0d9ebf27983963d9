using System.Text.Json.Nodes;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Auth;

/// <summary>
/// Who may talk to the bot at all, decided after the token is checked and before anything is processed: activities
/// from Microsoft Teams only (the Agents Playground says <c>msteams</c> too), and when an app id is set, only from
/// the tenants in <see cref="BotAuthOptions.AllowedTenants"/>. A valid token proves the Bot Connector sent the activity,
/// not that it comes from our organisation: a multi-tenant registration, or our app installed elsewhere, would pass it.
/// </summary>
public static class ActivityAdmission
{
    public const string TeamsChannel = "msteams";

    public static InboundAuthResult Check(Activity activity, BotAuthOptions options)
    {
        if (!string.Equals(activity.ChannelId, TeamsChannel, StringComparison.Ordinal))
            return InboundAuthResult.Rejected($"channel '{activity.ChannelId}' is not Microsoft Teams");
        if (options.IsLocalMode) return InboundAuthResult.Accepted;   // nobody but this machine can reach a local bot
        var (tenant, why) = TenantOf(activity);
        if (tenant is null) return InboundAuthResult.Rejected(why!);
        return options.IsTenantAllowed(tenant)
            ? InboundAuthResult.Accepted
            : InboundAuthResult.Rejected($"tenant '{tenant}' is not in Bot:AllowedTenants");
    }

    /// <summary>
    /// The tenant an activity comes from: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>. When both are
    /// given they must agree, and a <c>channelData.tenant</c> that is not <c>{ "id": "…" }</c> is refused: an activity that
    /// names two tenants, or one that cannot be read, is from no tenant we can allow.
    /// </summary>
    public static (string? Tenant, string? Why) TenantOf(Activity activity)
    {
        var fromConversation = activity.Conversation?.TenantId is { Length: > 0 } c ? c : null;
        string? fromChannelData = null;
        switch ((activity.ChannelData as JsonObject)?["tenant"])
        {
            case null:
                break;
            case JsonObject { Count: 0 }:
                break;
            case JsonObject t when t["id"] is JsonValue id && id.TryGetValue<string>(out var s) && s.Length > 0:
                fromChannelData = s;
                break;
            default:
                return (null, "channelData.tenant is not { id }");
        }
        if (fromConversation is not null && fromChannelData is not null
            && !string.Equals(fromConversation, fromChannelData, StringComparison.OrdinalIgnoreCase))
            return (null, "conversation.tenantId and channelData.tenant.id disagree");
        var tenant = fromConversation ?? fromChannelData;
        return tenant is null ? (null, "no tenant") : (tenant, null);
    }
}
