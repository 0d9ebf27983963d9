using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Access;

/// <summary>How much of a customer file someone may see (档案的查阅, 发放制度).</summary>
public enum FileView
{
    /// <summary>Not in a sales role: may not query the archive at all (查询制度).</summary>
    None,
    /// <summary>Another rep's customer: company name, contact name and title only.</summary>
    Redacted,
    Full,
}

/// <summary>
/// Who may see and do what with a customer file, decided from the authenticated reader's directory entry —
/// never from anything a card sent. DOMAIN.md, "Archive rules" and "Roles".
/// </summary>
public static class CustomerAccess
{
    /// <summary>Only the sales roles, customer service and management may query the archive at all.</summary>
    public static bool MayQuery(Person? reader) => reader is not null && reader.Roles.Count > 0;

    /// <summary>
    /// Reps file new customers; so may leaders and managers, who own accounts of their own. Customer service
    /// queries files and records complaints, but owns no customers.
    /// </summary>
    public static bool MayCreate(Person? p) => p is not null && p.Roles.Any(r => r != Role.CustomerService);

    public static bool Owns(Person p, Customer file) => IsOwner(p, file);

    /// <param name="ownerManagerAadObjectId">The owner's direct leader, who approves the owner's new files.</param>
    public static FileView ViewOf(Person? reader, Customer file, string? ownerManagerAadObjectId, IEnumerable<AccessGrant> grants, DateTimeOffset now)
    {
        if (!MayQuery(reader)) return FileView.None;
        if (IsOwner(reader!, file)) return FileView.Full;
        if (reader!.Is(Role.SalesManager) || reader.Is(Role.GeneralManager) || reader.Is(Role.CustomerService) || reader.Is(Role.KeyAccountDirector))
            return FileView.Full;
        // The direct leader approves the files of their reps, so sees them; this is their team's file.
        if (reader.Is(Role.Supervisor) && Same(reader.AadObjectId, ownerManagerAadObjectId)) return FileView.Full;
        return grants.Any(g => Same(g.GranteeAadObjectId, reader.AadObjectId) && g.CustomerNumber == file.Number && g.IsActiveAt(now))
            ? FileView.Full
            : FileView.Redacted;
    }

    /// <summary>Every read of a file that is not one's own is logged (借阅).</summary>
    public static bool MustLog(Person reader, Customer file) => !IsOwner(reader, file);

    /// <summary>The owner edits (the change goes through approval where the rules say so).</summary>
    public static bool MayEdit(Person? editor, Customer file) => editor is not null && IsOwner(editor, file) && IsLive(file);

    /// <summary>A deleted file comes back by its owner or a sales manager (within the retention period: Retention).</summary>
    public static bool MayRestore(Person? p, Customer file) =>
        p is not null && file.Status == CustomerStatus.Deleted && (IsOwner(p, file) || p.Is(Role.SalesManager));

    /// <summary>The owner files entries; customer service also logs complaints and service records on any file.</summary>
    public static bool MayAddEntry(Person? author, Customer file, EntryType type) =>
        author is not null && IsLive(file) && (IsOwner(author, file) || (author.Is(Role.CustomerService) && type == EntryType.Complaint));

    /// <summary>
    /// Documents go where entries of their category may be added: any category by the owner, complaint records (the
    /// returns, discounts and complaints folder) also by customer service.
    /// </summary>
    public static bool MayFileDocument(Person? p, Customer file, ArchiveCategory category) =>
        p is not null && IsLive(file) && (IsOwner(p, file) || (p.Is(Role.CustomerService) && category == ArchiveCategory.Returns));

    /// <summary>A rep logs visits only on customers they may see in full.</summary>
    public static bool MayLogVisit(FileView view) => view == FileView.Full;

    static bool IsLive(Customer file) => file.Status is CustomerStatus.Pending or CustomerStatus.Active;
    static bool IsOwner(Person p, Customer file) => Same(p.AadObjectId, file.OwnerAadObjectId);
    static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
