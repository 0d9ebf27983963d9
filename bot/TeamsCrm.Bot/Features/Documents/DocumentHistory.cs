using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Customers;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>
/// A document's arrival and removal in its customer's history (档案的修改: every change kept): field "document", the title
/// as the new (or old) value, the document's id as the record's reference. Written once per document and direction.
/// </summary>
public static class DocumentHistory
{
    const string Field = DocumentSection.HistoryField;
    const int Attempts = 5;

    public static async Task RecordAsync(ICustomerFiles files, string number, string documentId, string by, DateTimeOffset at, CancellationToken ct,
        string? added = null, string? removed = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await files.GetFileAsync(number, ct) is not { } file) return;
            if (file.History.Any(h => h.Field == Field && h.ApprovalId == documentId && (added is null ? h.NewValue is null : h.NewValue is not null))) return;
            try
            {
                await files.UpdateAsync(file.Customer, [new ChangeRecord(number, Field, removed, added, by, at, null, documentId)], ct);
                return;
            }
            catch (VersionConflictException) when (attempt < Attempts)
            {
                // Someone saved the file meanwhile: read it again and add the record to what is stored now.
            }
        }
    }
}
