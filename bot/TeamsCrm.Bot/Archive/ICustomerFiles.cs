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

    /// <summary>
    /// The files a rep is about to visit, each with its contacts, archive entries and its <paramref name="latestVisits"/> latest
    /// visits (withdrawn ones left out, newest first): the morning brief's read — on SharePoint one $batch (four queries a
    /// file, 20 to a round trip). Numbers not on file (or purged) are left out; the order is that of <paramref name="numbers"/>.
    /// </summary>
    Task<IReadOnlyList<FileBeforeVisit>> BeforeVisitsAsync(IReadOnlyList<string> numbers, int latestVisits, CancellationToken ct = default);

    /// <summary>
    /// The files <paramref name="query"/> finds — by number as <see cref="GetAsync"/> (a purged file left out), by phone as
    /// <see cref="FindByPhoneAsync"/>, by name as <see cref="FindByNamePrefixAsync"/> — with every access grant
    /// <paramref name="readerAadObjectId"/> holds (matched without case), and the files of <see cref="CustomerQuery.AlsoOwnedBy"/>: what a
    /// reader's view of each file needs, for the customer card's lookup and the searches as the reader types. On SharePoint one round
    /// trip (a $batch of up to 20 queries: a name is four, the grants one, each owner one; more are sent as further batches at once).
    /// </summary>
    Task<FoundFiles> FindForAsync(CustomerQuery query, string readerAadObjectId, CancellationToken ct = default);

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

    // Bulk paths for importing a ledger (each store's .Import file): many files in few requests, each written once per import key.

    /// <summary>The files whose names or aliases, phones or credit codes (in <see cref="CustomerNames"/>' normal forms) are among those given: the duplicate check of many rows at once.</summary>
    Task<FilesByKey> FindMatchesAsync(IReadOnlyCollection<string> names, IReadOnlyCollection<string> phones,
        IReadOnlyCollection<string> creditCodes, CancellationToken ct = default);

    /// <summary>Import key → registration number, for the keys whose files are filed (complete); keys not filed are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> ImportedAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default);

    /// <summary>
    /// Files each import once per <see cref="CustomerImport.Key"/> (the submission id <see cref="CreateAsync"/> dedups on): a new
    /// key gets the next registration number of the year — a batch takes its numbers as one range, in the order given — and is
    /// stored as <see cref="CustomerImport.File"/> says (an import's files are active) with its contacts and one change record,
    /// the import's note; a key filed before returns that file with <see cref="ImportedFile.Created"/> false. A file is visible
    /// only once complete; a call cut short leaves nothing visible and the next call with the same keys completes it.
    /// </summary>
    Task<IReadOnlyList<ImportedFile>> ImportAsync(IReadOnlyList<CustomerImport> files, CancellationToken ct = default);

    /// <summary>Files each contact once per <see cref="ContactImport.Key"/> under its customer; true where this call stored it.</summary>
    Task<IReadOnlyList<bool>> ImportContactsAsync(IReadOnlyList<ContactImport> contacts, CancellationToken ct = default);

    /// <summary>Files each entry once per <see cref="ArchiveEntry.Id"/> (as <see cref="AddEntryAsync"/> does); true where this call stored it.</summary>
    Task<IReadOnlyList<bool>> ImportEntriesAsync(IReadOnlyList<ArchiveEntry> entries, CancellationToken ct = default);
}

/// <summary>
/// A customer file to import: the file as it will be stored (its number, times and version are the archive's), its contacts,
/// and the change record every imported file starts its history with (field "import", <paramref name="Note"/> as the new value,
/// by <paramref name="ImportedBy"/>).
/// </summary>
public sealed record CustomerImport(string Key, Customer File, IReadOnlyList<KeyedContact> Contacts, string ImportedBy, string Note);

/// <summary>A contact with its import key.</summary>
public sealed record KeyedContact(string Key, NewContact Contact);

/// <summary>A contact to file under an existing customer, once per key.</summary>
public sealed record ContactImport(string CustomerNumber, string Key, NewContact Contact);

/// <summary>What <see cref="ICustomerFiles.ImportAsync"/> did with one import: the stored file, and whether this call filed it.</summary>
public sealed record ImportedFile(string Key, Customer File, bool Created);

/// <summary>
/// Files found by normal form (name, phone, credit code → the files that have it; a name finds a file by its name or any of its
/// aliases, as the form's duplicate check does), purged files left out as every finder does.
/// </summary>
public sealed record FilesByKey(
    IReadOnlyDictionary<string, IReadOnlyList<Customer>> ByName,
    IReadOnlyDictionary<string, IReadOnlyList<Customer>> ByPhone,
    IReadOnlyDictionary<string, IReadOnlyList<Customer>> ByCreditCode);

/// <summary>A file as a rep needs it before a visit: who to meet, what is filed, how the last visits went.</summary>
public sealed record FileBeforeVisit(Customer Customer, IReadOnlyList<Contact> Contacts, IReadOnlyList<ArchiveEntry> Entries,
    IReadOnlyList<Domain.Visits.Visit> LastVisits);

/// <summary>Someone else saved the file first. <see cref="Current"/> is what is stored now.</summary>
public sealed class VersionConflictException(Customer current)
    : Exception($"Customer {current.Number} was changed by someone else (now version {current.Version}).")
{
    public Customer Current { get; } = current;
}
