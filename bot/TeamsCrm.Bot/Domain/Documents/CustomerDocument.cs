namespace TeamsCrm.Bot.Domain.Documents;

/// <summary>
/// A file kept in a customer's folder (DOMAIN.md: the five archive categories are document folders): a signed contract,
/// the business licence, a photo taken at a visit. Filed under a customer and a category, optionally linked to one archive
/// entry or one visit. Before it is filed (just received in a chat, waiting for the person to say where it goes) it sits in
/// its uploader's inbox: <see cref="CustomerNumber"/> and <see cref="Category"/> are null.
/// </summary>
public sealed record CustomerDocument
{
    /// <summary>Chosen by the app (a GUID, "N" format); the store's own id (a drive item, a file path) stays inside the store.</summary>
    public required string Id { get; init; }
    public string? CustomerNumber { get; init; }
    public ArchiveCategory? Category { get; init; }
    /// <summary>The archive entry it belongs to (a contract's scan), if any.</summary>
    public string? EntryId { get; init; }
    /// <summary>The visit it is evidence of (a photo at the customer's door), if any.</summary>
    public string? VisitId { get; init; }
    /// <summary>What people read on the card; the original name until the person types another.</summary>
    public required string Title { get; init; }
    /// <summary>The file's name as it arrived (sanitised: <see cref="DocumentNames"/>).</summary>
    public required string OriginalName { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }
    /// <summary>SHA-256 of the content, lower-case hex: the same file sent twice is recognised.</summary>
    public required string ContentHash { get; init; }
    public required string UploadedByAadObjectId { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }
    public DateTimeOffset? FiledAt { get; init; }

    public bool IsFiled => CustomerNumber is not null;
}

/// <summary>Where a received document goes: the person's choices on the filing card.</summary>
public sealed record DocumentPlacement(string CustomerNumber, ArchiveCategory Category, string Title, string? EntryId = null, string? VisitId = null);
