using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>Everything the full customer card shows: the file, the people named on it and what the reader may do.</summary>
/// <param name="Names">Entra object id → display name, for the change history.</param>
/// <param name="Notice">A line on top, e.g. "Saved: 2 changes recorded".</param>
/// <param name="RecentVisits">The latest visit reports, newest first (before a visit, the rep looks at the file first).</param>
/// <param name="Waiting">Requests about the file still waiting for a decision (a change, its deletion, an escalation).</param>
/// <param name="Documents">The file's documents; listed with <paramref name="DocumentLink"/> (a signed link for this reader), else only counted.</param>
public sealed record CustomerPage(
    CustomerFile File, string OwnerName, string? LeaderName, IReadOnlyDictionary<string, string> Names, FileButtons Buttons, string? Notice = null,
    IReadOnlyList<Visit>? RecentVisits = null, IReadOnlyList<Approval>? Waiting = null, IReadOnlyList<CustomerDocument>? Documents = null,
    Func<CustomerDocument, string>? DocumentLink = null, Func<CustomerDocument, bool>? MayRemoveDocument = null, string? Address = null);

/// <summary>The buttons under a customer card; decided by <c>CustomerAccess</c> for the reader.</summary>
[Flags]
public enum FileButtons
{
    None = 0,
    Edit = 1,
    AddContact = 2,
    AddEntry = 4,
    /// <summary>Customer service on someone else's file: complaints only.</summary>
    LogComplaint = 8,
    /// <summary>Anyone who sees the live file in full may log a visit on it.</summary>
    LogVisit = 16,
    /// <summary>The owner asks for the file's deletion (档案的删除).</summary>
    Delete = 32,
    /// <summary>The owner asks the key-account director to escalate a visit.</summary>
    Escalate = 64,
    /// <summary>A deleted file, to its owner or a sales manager, within the retention period.</summary>
    Restore = 128,
    /// <summary>A card posted where several people read it: each one's own view, in their 1:1 chat.</summary>
    Open = 256,
    /// <summary>Whoever may file documents there: how to send one.</summary>
    AddDocument = 512,
    Owner = Edit | AddContact | AddEntry | LogVisit | Delete | Escalate | AddDocument,
}

/// <summary>A line of the find list: full readers see number and status, others only the name and owner.</summary>
public sealed record FoundCustomer(string Number, string Name, CustomerStatus? Status, string OwnerName);
