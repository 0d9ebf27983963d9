namespace TeamsCrm.Bot.Turns;

/// <summary>Where a conversation lives, stored so that the bot can write to it later (proactive messages).</summary>
public sealed record ConversationRef(
    string Id,
    ConversationKind Kind,
    string TenantId,
    string ServiceUrl,
    string BotId,
    string? TeamId = null,
    string? TeamName = null,
    string? ChannelId = null);

public enum ConversationKind { Personal, GroupChat, Channel }

/// <summary>
/// A person the bot can write to 1:1 later, and what their Teams client last told of them: <paramref name="Locale"/>
/// (what a message the bot starts is written in) and <paramref name="TimeZone"/> (an IANA id, e.g. the default zone of
/// the reminders of a team they installed the app in); each null until known. <paramref name="Brief"/> is what the person
/// chose for their morning brief: a local time "07:00", "off", or null for the default; <paramref name="Settings"/> the rest
/// they chose for themselves (a delegation while away).
/// </summary>
public sealed record UserRef(
    string AadObjectId,
    string TeamsId,
    string Name,
    string TenantId,
    string ServiceUrl,
    string? PersonalConversationId,
    string? Locale = null,
    string? TimeZone = null,
    string? Brief = null,
    Domain.People.PersonalSettings? Settings = null);
