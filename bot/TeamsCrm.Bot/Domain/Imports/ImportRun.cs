namespace TeamsCrm.Bot.Domain.Imports;

/// <summary>
/// One import of one ledger file: what the sales manager chose (the mapping, the owner map) and how far the apply got, kept
/// in the archive so that the chat flow can come back to it by id and an apply cut short resumes where it stopped.
/// </summary>
public sealed record ImportRun
{
    public required string Id { get; init; }
    /// <summary>The file's name as it was attached ("客户台账.xlsx"): the history of every imported file names it.</summary>
    public required string FileName { get; init; }
    /// <summary>SHA-256 of the file's content (hex): the apply refuses another file, and the import keys derive from it.</summary>
    public required string FileHash { get; init; }
    /// <summary>Who imports: the authenticated user who started the run; only they may apply it.</summary>
    public required string ImporterAadObjectId { get; init; }
    public required LedgerMapping Mapping { get; init; }
    /// <summary>Owner names as the ledger writes them → an email or Entra object id in the directory (keys compared without case).</summary>
    public IReadOnlyDictionary<string, string> OwnerMap { get; init; } = new Dictionary<string, string>();
    public ImportStatus Status { get; init; } = ImportStatus.Open;
    /// <summary>Per sheet, the data rows whose writes are done (every row up to it is in the archive or was refused).</summary>
    public IReadOnlyDictionary<string, int> RowsDone { get; init; } = new Dictionary<string, int>();
    /// <summary>The counts of the last dry run or apply, for a card that comes back to the run.</summary>
    public ImportCounts? Counts { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>While an apply runs it holds the run until this time, renewed with every batch; a crashed apply's run is free after it.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
    /// <summary>Optimistic concurrency token (SQLite row version, SharePoint eTag). Opaque to the domain.</summary>
    public string Version { get; init; } = "";
}

/// <summary>open (mapping and dry runs) → applying (cut short: still applying, lease expired) → completed.</summary>
public enum ImportStatus { Open, Applying, Completed }

/// <summary>Counts per kind of row and verdict, as the report card shows them.</summary>
public sealed record ImportCounts
{
    public int Customers { get; init; }
    public int Contacts { get; init; }
    public int Entries { get; init; }
    public int Visits { get; init; }
    public int Duplicates { get; init; }
    public int UnknownOwners { get; init; }
    public int Refused { get; init; }
    public int Skipped { get; init; }
    public int AlreadyImported { get; init; }
}
