using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Turns;

/// <summary>
/// Messages the bot starts itself (proactive): to a person's 1:1 chat, to a channel, and updates of cards it
/// posted earlier. Every send skips conversations that blocked or removed the bot and answers null/false then.
/// </summary>
public interface IChannelMessenger
{
    /// <summary>Posts a card to the user's 1:1 chat, starting that chat when the bot has none with them yet.</summary>
    Task<PostedCard?> SendCardAsync(UserRef user, JsonObject card, CancellationToken ct = default);

    Task<bool> SendTextAsync(UserRef user, string text, CancellationToken ct = default);

    /// <summary>Posts a card as a new post in a channel of a team the app is installed in.</summary>
    Task<PostedCard?> PostCardAsync(ConversationRef channel, JsonObject card, CancellationToken ct = default);

    /// <summary>Whether the person is on the roster of the conversation's team (or group chat); false when it cannot be read.</summary>
    Task<bool> IsMemberAsync(ConversationRef conversation, string aadObjectId, CancellationToken ct = default);
    /// <summary>The members of the channel's team (its roster), every page of them.</summary>
    Task<IReadOnlyList<TeamMember>> TeamMembersAsync(ConversationRef channel, CancellationToken ct = default);
    /// <summary>
    /// Everyone who reads the conversation: a group chat's members, a channel's members (a private or shared channel has
    /// its own), every page of them; null when the connector cannot list them.
    /// </summary>
    Task<IReadOnlyList<TeamMember>?> MembersAsync(ConversationRef conversation, CancellationToken ct = default);

    /// <summary>Replaces a card posted earlier with <paramref name="card"/>, in place.</summary>
    Task<bool> UpdateCardAsync(PostedCard posted, JsonObject card, CancellationToken ct = default);
}

/// <summary>Where a posted card is, to update it later: every copy of an approval's card is one of these.</summary>
public sealed record PostedCard(string ConversationId, string ActivityId, string ServiceUrl);

/// <summary>A member of a team: Entra object id (who they are), "29:" id (to mention them), name.</summary>
public sealed record TeamMember(string AadObjectId, string TeamsId, string Name);
