using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The approval cards of <see cref="CardCatalog"/>: each view, pending and decided, with and without field changes.</summary>
public static class ApprovalCatalog
{
    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var l = c.Name;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var at = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        var request = new Approval
        {
            Id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0", Kind = ApprovalKind.Modification, Subject = "C-2026-00042", SubjectName = "Huadong Precision",
            RequesterAadObjectId = "rep", ApproverAadObjectIds = ["manager"], CreatedAt = at, RequestKey = "k", Version = "1",
            Payload = new ApprovalPayload("The customer moved", [new FieldChange("phone", "021 5555 0100", "021 6666 0200"), new FieldChange("category", "New", "Regular")]),
        };
        var view = new ApprovalView(request, "Li Na", ["Wang Fang"], null, ["29:li-na", "29:wang-fang"], zone);
        var newFile = view with { Request = request with { Kind = ApprovalKind.NewFile, Payload = new() } };
        var decided = view with
        {
            Request = request with { Status = ApprovalStatus.Rejected, DecidedByAadObjectId = "manager", DecidedAt = at.AddHours(2), Comment = "Call the customer first" },
            DeciderName = "Wang Fang",
        };
        yield return ($"approval.status.{l}", "ApprovalCards.Status", ApprovalCards.Status(c, view));
        yield return ($"approval.status.new-file.{l}", "ApprovalCards.Status", ApprovalCards.Status(c, newFile));
        yield return ($"approval.approver.{l}", "ApprovalCards.ForApprover", ApprovalCards.ForApprover(c, view));
        yield return ($"approval.approver.comment-required.{l}", "ApprovalCards.ForApprover",
            ApprovalCards.ForApprover(c, newFile, "", T(c, "approvals.commentRequired")));
        yield return ($"approval.requester.{l}", "ApprovalCards.ForRequester", ApprovalCards.ForRequester(c, view));
        yield return ($"approval.decided.{l}", "ApprovalCards.Decided", ApprovalCards.Decided(c, decided));
        yield return ($"approval.decided.already.{l}", "ApprovalCards.Decided", ApprovalCards.Decided(c, decided, T(c, "approvals.alreadyDecided")));
        yield return ($"approval.decided.changed-meanwhile.{l}", "ApprovalCards.Decided", ApprovalCards.Decided(c, decided with
        {
            Request = decided.Request with { Status = ApprovalStatus.Approved, Comment = null, Payload = request.Payload with { ChangedMeanwhile = true } },
        }));
        yield return ($"approval.status.deletion.{l}", "ApprovalCards.Status", ApprovalCards.Status(c, view with
        {
            Request = request with { Kind = ApprovalKind.Deletion, Payload = new ApprovalPayload("Company closed") },
        }));
        yield return ($"approval.refused.{l}", "ApprovalCards.Refused", ApprovalCards.Refused(c, T(c, "approvals.notAnApprover")));
    }

    static string T(CultureInfo c, string key) => TeamsCrm.Bot.Cards.T.Get(c, key);
}
