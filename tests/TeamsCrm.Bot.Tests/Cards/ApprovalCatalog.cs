using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Plans;

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
        yield return ($"approval.summary.{l}", "ApprovalCards.Summary", ApprovalCards.Summary(c, view));
        yield return ($"approval.summary.new-file.{l}", "ApprovalCards.Summary", ApprovalCards.Summary(c, newFile));
        yield return ($"approval.approver.{l}", "ApprovalCards.ForApprover", ApprovalCards.ForApprover(c, view));
        yield return ($"approval.approver.comment-required.{l}", "ApprovalCards.ForApprover",
            ApprovalCards.ForApprover(c, newFile, "", T(c, "approvals.commentRequired")));
        yield return ($"approval.requester.{l}", "ApprovalCards.ForRequester", ApprovalCards.ForRequester(c, view));
        yield return ($"approval.decided.{l}", "ApprovalCards.Decided", ApprovalCards.Decided(c, decided));
        yield return ($"approval.decided.already.{l}", "ApprovalCards.Decided", ApprovalCards.Decided(c, decided, T(c, "approvals.alreadyDecided")));
        yield return ($"approval.summary.decided.{l}", "ApprovalCards.Summary", ApprovalCards.Summary(c, decided));
        yield return ($"approval.summary.no-longer-approver.{l}", "ApprovalCards.Summary",
            ApprovalCards.Summary(c, view, TeamsCrm.Bot.Cards.T.Get(c, "approvals.noLongerLeader", "Li Na")));
        yield return ($"approval.decided.changed-meanwhile.{l}", "ApprovalCards.Decided", ApprovalCards.Decided(c, decided with
        {
            Request = decided.Request with { Status = ApprovalStatus.Approved, Comment = null, Payload = request.Payload with { ChangedMeanwhile = true } },
        }));
        yield return ($"approval.approver.deletion.{l}", "ApprovalCards.ForApprover", ApprovalCards.ForApprover(c, view with
        {
            Request = request with { Kind = ApprovalKind.Deletion, Payload = new ApprovalPayload("Company closed") },
        }));
        yield return ($"approval.approver.access.{l}", "ApprovalCards.ForApprover", ApprovalCards.ForApprover(c, view with
        {
            Request = request with { Kind = ApprovalKind.Access, Payload = new ApprovalPayload("Covering for Li Na", GrantDays: 7) },
        }));
        yield return ($"approval.approver.escalation.{l}", "ApprovalCards.ForApprover", ApprovalCards.ForApprover(c, view with
        {
            Request = request with
            {
                Kind = ApprovalKind.VisitEscalation,
                Payload = new ApprovalPayload("Tender decision next week", Escalation: new Escalation(EscalationKind.InviteCustomer, new DateOnly(2026, 11, 30))),
            },
        }));
        var plan = new VisitPlan
        {
            Id = "p", RepAadObjectId = "rep", Week = new IsoWeek(2026, 48), Status = VisitPlanStatus.Submitted,
            Items = [.. Enumerable.Range(0, PlanForm.MaxItems).Select(i => new VisitPlanItem($"{i}", "C-2026-00042", CustomerCategory.Regular, VisitPurpose.Negotiation,
                new DateOnly(2026, 11, 23).AddDays(i % 7), i % 2 == 0 ? new TimeOnly(9, 30) : null, "Wang Lei", null, "Huadong Precision"))],
        };
        var planView = view with { Request = request with { Kind = ApprovalKind.VisitPlan, Subject = "2026-W48", SubjectName = "Li Na · 2026-W48", Payload = new(Token: "s") }, Plan = plan };
        yield return ($"approval.approver.plan.{l}", "ApprovalCards.ForApprover", ApprovalCards.ForApprover(c, planView));
        yield return ($"approval.decided.plan-changed.{l}", "ApprovalCards.Decided", ApprovalCards.Decided(c, planView with
        {
            Request = planView.Request with { Status = ApprovalStatus.Approved, DecidedByAadObjectId = "manager", DecidedAt = at, Payload = new(Token: "s", ChangedMeanwhile: true) },
            DeciderName = "Zhang Wei",
        }));
        // Waiting past its deadline, escalated, on behalf of an away leader, reassigned: every move on the card; the sales manager's Reassign.
        var moved = view with
        {
            Request = request with
            {
                ApproverAadObjectIds = ["manager", "gm"],
                Routing = new ApprovalRouting(at.AddHours(8), at.AddHours(1), at.AddHours(1),
                [
                    new ApprovalMove(MoveKind.Delegated, ["leader"], ["manager"], "leader", at),
                    new ApprovalMove(MoveKind.Escalated, [], ["gm"], null, at.AddHours(8)),
                    new ApprovalMove(MoveKind.Reassigned, ["manager", "gm"], ["director"], "manager", at.AddHours(9)),
                ]),
            },
            Names = new Dictionary<string, string> { ["leader"] = "Zhang Wei", ["manager"] = "Wang Fang", ["gm"] = "Chen Jie", ["director"] = "Zhao Min" },
            Now = at.AddHours(30),
        };
        yield return ($"approval.approver.reminder.{l}", "ApprovalCards.ForApprover", ApprovalCards.ForApprover(c, moved, notice: T(c, "approvals.reminder")));
        yield return ($"approval.summary.reassign.{l}", "ApprovalCards.WithReassign",
            ApprovalCards.WithReassign(c, ApprovalCards.Summary(c, moved), moved, [("Zhang Wei", "leader"), ("Chen Jie", "gm")]));
        yield return ($"approval.refused.{l}", "ApprovalCards.Refused", ApprovalCards.Refused(c, T(c, "approvals.notAnApprover")));
    }

    static string T(CultureInfo c, string key) => TeamsCrm.Bot.Cards.T.Get(c, key);
}
