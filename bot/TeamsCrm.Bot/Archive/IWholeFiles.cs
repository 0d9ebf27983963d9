using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// A customer file with everything kept under it and about it, read at once: what the customer card shows. On SharePoint one
/// $batch (a query per list, the reader's access log entry written beside them), so the card costs its lookup and this, whatever
/// sections it shows; on SQLite the stores' own queries. What the reader may see of it is not decided here but by the access code.
/// </summary>
public interface IWholeFiles
{
    /// <summary>
    /// The file (as <see cref="ICustomerFiles.GetFileAsync"/> reads it, purged or not), its <paramref name="latestVisits"/> latest visits
    /// (as <see cref="IVisitLog.ForCustomerAsync"/>), the requests about it (<see cref="IApprovalStore.ForSubjectAsync"/>) and its documents
    /// (<see cref="IDocumentStore.ForCustomerAsync"/>); null when there is no such file. <paramref name="read"/>, when given, is logged in the
    /// same go (借阅): pass it only for a file the caller has found.
    /// </summary>
    Task<WholeFile?> ReadAsync(string number, int latestVisits, AccessLogEntry? read = null, CancellationToken ct = default);
}

/// <summary>What <see cref="IWholeFiles.ReadAsync"/> read, each part in the order its own store gives it.</summary>
public sealed record WholeFile(CustomerFile File, IReadOnlyList<Visit> LatestVisits, IReadOnlyList<Approval> Requests,
    IReadOnlyList<CustomerDocument> Documents);
