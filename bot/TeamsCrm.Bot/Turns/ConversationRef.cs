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
/// A person the bot can write to 1:1 later, and the language their Teams client last spoke (<paramref name="Locale"/>:
/// what a message the bot starts is written in; null until they have talked to the bot).
/// </summary>
public sealed record UserRef(
    string AadObjectId,
    string TeamsId,
    string Name,
    string TenantId,
    string ServiceUrl,
    string? PersonalConversationId,
    string? Locale = null);
