using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// Customer files and everything filed under them. Every query filters on one indexed field (SharePoint can
/// use one index per query); every update is guarded by the file's <see cref="Customer.Version"/>.
/// </summary>
public interface ICustomerFiles
{
    /// <summary>
    /// Files a new customer as <see cref="CustomerStatus.Pending"/> with the next registration number of the
    /// year (C-2026-00042), unique even when several files are created at the same moment. The same
    /// <paramref name="submissionId"/> twice returns the first file instead of a second one.
    /// </summary>
    Task<Customer> CreateAsync(NewCustomer draft, string submissionId, CancellationToken ct = default);

    Task<Customer?> GetAsync(string number, CancellationToken ct = default);

    /// <summary>The file with its contacts, archive entries and change history (the customer card).</summary>
    Task<CustomerFile?> GetFileAsync(string number, CancellationToken ct = default);

    /// <summary>Files whose normalised name or one of whose aliases starts with the normalised <paramref name="prefix"/>, in name order.</summary>
    Task<IReadOnlyList<Customer>> FindByNamePrefixAsync(string prefix, int max, CancellationToken ct = default);

    Task<IReadOnlyList<Customer>> FindByPhoneAsync(string phone, CancellationToken ct = default);

    Task<IReadOnlyList<Customer>> FindByCreditCodeAsync(string creditCode, CancellationToken ct = default);

    Task<IReadOnlyList<Customer>> ListByOwnerAsync(string ownerAadObjectId, CancellationToken ct = default);
    /// <summary>Files in status <see cref="CustomerStatus.Deleted"/>: within retention, or due to be purged.</summary>
    Task<IReadOnlyList<Customer>> ListDeletedAsync(CancellationToken ct = default);

    /// <summary>
    /// Saves <paramref name="updated"/> and its change records together, if the stored version is still
    /// <see cref="Customer.Version"/> of <paramref name="updated"/>; otherwise throws <see cref="VersionConflictException"/>
    /// and changes nothing. <see cref="Customer.LastContactAt"/> only ever moves forward: a stored later contact
    /// (a visit logged while the edit form was open) is kept.
    /// </summary>
    Task<Customer> UpdateAsync(Customer updated, IReadOnlyList<ChangeRecord> changes, CancellationToken ct = default);

    /// <summary>
    /// 档案的删除, the end: removes everything filed under a deleted file — contacts, archive entries (the documents),
    /// change history, access grants and log — and saves what <c>Retention.Purge</c> leaves of the file with
    /// <paramref name="purged"/> as its only record. Guarded by <see cref="Customer.Version"/> like an update. If it
    /// stops half-way the file is still deleted and due, so the next run purges it again.
    /// </summary>
    Task<Customer> PurgeAsync(Customer due, ChangeRecord purged, CancellationToken ct = default);

    Task<Contact> AddContactAsync(string number, NewContact contact, CancellationToken ct = default);

    Task<ArchiveEntry> AddEntryAsync(ArchiveEntry entry, CancellationToken ct = default);

    Task AddGrantAsync(AccessGrant grant, CancellationToken ct = default);

    Task<IReadOnlyList<AccessGrant>> GrantsForAsync(string number, CancellationToken ct = default);

    Task LogAccessAsync(AccessLogEntry entry, CancellationToken ct = default);

    Task<IReadOnlyList<AccessLogEntry>> AccessLogAsync(string number, CancellationToken ct = default);
}

/// <summary>Someone else saved the file first. <see cref="Current"/> is what is stored now.</summary>
public sealed class VersionConflictException(Customer current)
    : Exception($"Customer {current.Number} was changed by someone else (now version {current.Version}).")
{
    public Customer Current { get; } = current;
}
