using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>A document's list item: the document, and the ids that address its file.</summary>
sealed record StoredDocument(CustomerDocument Document, string ListItemId, string DriveItemId);

/// <summary>
/// The metadata columns of the documents' library (<see cref="SharePointLists.Documents"/>) and their mapping. Title is
/// the library's own Title column, which SharePoint shows beside the file name. No column is required: SharePoint keeps a
/// new file in a library with required columns checked out until they are filled. The queries each filter on one indexed
/// column: DocumentId (unique: a document received twice is kept once), CustomerNumber (the customer's documents),
/// InboxOf and InboxSince — the uploader and the time while the document waits to be filed, emptied when it is filed, so
/// that the inbox and the cleanup read only what waits, however many documents a person has sent over the years
/// (a query driven by an index that matches more than 5,000 items is refused). DriveItemId addresses the file.
/// </summary>
static class DocumentFields
{
    public const string Title = "Title", DocumentId = "DocumentId", Category = "Category", EntryId = "EntryId", VisitId = "VisitId",
        UploadedBy = "UploadedBy", UploadedAt = "UploadedAt", FiledAt = "FiledAt", InboxOf = "InboxOf", InboxSince = "InboxSince",
        OriginalName = "OriginalName", MediaType = "MediaType", SizeBytes = "SizeBytes", ContentHash = "ContentHash", DriveItemId = "DriveItemId";

    public static readonly IReadOnlyList<ColumnDef> Columns =
    [
        new(DocumentId, ColumnKind.Text, 64, Indexed: true, Unique: true),
        new(SharePointLists.CustomerNumber, ColumnKind.Text, 20, Indexed: true),
        new(Category, ColumnKind.Choice, Choices: Enum.GetNames<ArchiveCategory>()),
        new(EntryId, ColumnKind.Text, 64), new(VisitId, ColumnKind.Text, 64),
        new(UploadedBy, ColumnKind.Text, 64), new(UploadedAt, ColumnKind.DateTime), new(FiledAt, ColumnKind.DateTime),
        new(InboxOf, ColumnKind.Text, 64, Indexed: true), new(InboxSince, ColumnKind.DateTime, Indexed: true),
        new(OriginalName, ColumnKind.Text), new(MediaType, ColumnKind.Text, 127), new(SizeBytes, ColumnKind.Number),
        new(ContentHash, ColumnKind.Text, 64), new(DriveItemId, ColumnKind.Text, 64),
    ];

    /// <summary>Everything, written once the file is in its uploader's inbox.</summary>
    public static Dictionary<string, object?> ForReceived(CustomerDocument d, string driveItemId) => new(ForFiled(d))
    {
        [DocumentId] = d.Id, [UploadedBy] = d.UploadedByAadObjectId, [UploadedAt] = ItemFields.Wire(d.UploadedAt),
        [OriginalName] = d.OriginalName, [MediaType] = d.ContentType, [SizeBytes] = d.Size, [ContentHash] = d.ContentHash,
        [DriveItemId] = driveItemId,
    };

    /// <summary>What filing changes; a filed document leaves the inbox columns empty.</summary>
    public static Dictionary<string, object?> ForFiled(CustomerDocument d) => new()
    {
        [SharePointLists.CustomerNumber] = d.CustomerNumber, [Category] = ItemFields.Wire(d.Category), [Title] = d.Title,
        [EntryId] = d.EntryId, [VisitId] = d.VisitId, [FiledAt] = ItemFields.Wire(d.FiledAt),
        [InboxOf] = d.IsFiled ? null : d.UploadedByAadObjectId,
        [InboxSince] = d.IsFiled ? null : ItemFields.Wire(d.UploadedAt),
    };

    /// <summary>Null for a list item that is not a document of this store (a folder, a file put there by hand).</summary>
    public static StoredDocument? Read(ItemFields item)
    {
        if (item.Text(DocumentId) is not { Length: > 0 } id || item.Text(DriveItemId) is not { Length: > 0 } driveItemId) return null;
        var document = new CustomerDocument
        {
            Id = id, CustomerNumber = item.Text(SharePointLists.CustomerNumber),
            Category = item.Text(Category) is { } category && Enum.TryParse<ArchiveCategory>(category, out var c) ? c : null,
            EntryId = item.Text(EntryId), VisitId = item.Text(VisitId), Title = item.Text(Title) ?? "", OriginalName = item.Text(OriginalName) ?? "",
            ContentType = item.Text(MediaType) ?? "application/octet-stream", Size = item.Integer(SizeBytes) ?? 0,
            ContentHash = item.Text(ContentHash) ?? "", UploadedByAadObjectId = item.Text(UploadedBy) ?? "",
            UploadedAt = item.Time(UploadedAt) ?? default, FiledAt = item.Time(FiledAt),
        };
        return new StoredDocument(document, item.Id, driveItemId);
    }
}
