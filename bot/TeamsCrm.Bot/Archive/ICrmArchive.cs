using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// Everything the bot keeps. Two implementations: SQLite (embedded default) and SharePoint lists through
/// Graph (production); one contract test suite runs against both.
/// </summary>
public interface ICrmArchive
{
    IConversationStore Conversations { get; }
    ICustomerFiles Customers { get; }
    IVisitLog Visits { get; }
    IApprovalStore Approvals { get; }
    ISalesTargets Targets { get; }
    IMonthlyRollups Rollups { get; }
    IReminderStore Reminders { get; }
    IMarketReports Reports { get; }
    IDocumentStore Documents { get; }
    IImportRuns Imports { get; }
    ICheckInLog CheckIns { get; }
    /// <summary>A file with everything under it and about it in one read: the customer card's.</summary>
    IWholeFiles WholeFiles { get; }
}

/// <summary>
/// The people and conversations the bot has met, kept so that it can write to them later. Only
/// authenticated activities write here, so every stored serviceUrl is one the connector really uses.
/// </summary>
public interface IConversationStore
{
    /// <summary>Stores or refreshes a user; writing to them again clears an earlier block.</summary>
    Task SaveUserAsync(UserRef user, CancellationToken ct = default);
    /// <summary>Stores or refreshes a conversation; activity from it clears an earlier block or removal.</summary>
    Task SaveConversationAsync(ConversationRef conversation, CancellationToken ct = default);
    Task<UserRef?> FindUserAsync(string aadObjectId, CancellationToken ct = default);
    /// <summary>The person's morning brief choice (<see cref="UserRef.Brief"/>; null = the default); a person not stored yet is not created.</summary>
    Task SetBriefAsync(string aadObjectId, string? brief, CancellationToken ct = default);
    /// <summary>The person's own settings (<see cref="UserRef.Settings"/>), whole; a person not stored yet is not created.</summary>
    Task SetSettingsAsync(string aadObjectId, Domain.People.PersonalSettings settings, CancellationToken ct = default);
    Task<ConversationRef?> FindConversationAsync(string conversationId, CancellationToken ct = default);
    /// <summary>True the first time only: the welcome card goes out once per conversation.</summary>
    Task<bool> TryMarkWelcomedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default);
    /// <summary>The connector answered 403 MessageWritesBlocked: the user blocked or removed the bot.</summary>
    Task MarkBlockedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default);
    /// <summary>Who installed the app in a stored conversation (a team: its General channel, whose id is the team's).</summary>
    Task SetInstallerAsync(string conversationId, string aadObjectId, CancellationToken ct = default);
    Task<string?> InstallerOfAsync(string conversationId, CancellationToken ct = default);
    /// <summary>The bot was uninstalled from, or removed from, the conversation.</summary>
    Task MarkRemovedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default);
    /// <summary>Blocked or removed: proactive messages must skip it.</summary>
    Task<bool> IsUnreachableAsync(string conversationId, CancellationToken ct = default);

    /// <summary>The team's channels the bot can still post to (not removed or blocked), by id.</summary>
    Task<IReadOnlyList<ConversationRef>> ChannelsOfTeamAsync(string teamId, CancellationToken ct = default);
    /// <summary>The team was renamed: every stored conversation of the team takes the new name.</summary>
    Task RenameTeamAsync(string teamId, string name, CancellationToken ct = default);
    /// <summary>The team was deleted or the app uninstalled from it: every conversation of the team is marked removed.</summary>
    Task MarkTeamRemovedAsync(string teamId, DateTimeOffset at, CancellationToken ct = default);
}
