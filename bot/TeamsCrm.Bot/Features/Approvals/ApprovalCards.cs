using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Plans;
using TeamsCrm.Bot.Features.Targets;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// The request's card in each of its views. An approver's 1:1 chat gets <see cref="ForApprover"/>; a channel gets
/// <see cref="Status"/> (read-only). Every copy carries a refresh for the approvers and the requester: Teams then shows
/// each of them their own view (buttons, or Cancel) wherever they see it, and the outcome once decided.
/// </summary>
public static class ApprovalCards
{
    public const string RefreshVerb = "approval.refresh";

    /// <summary>What everyone sees: the request and whom it waits for.</summary>
    public static JsonObject Status(CultureInfo c, ApprovalView v) => Details(c, v)
        .Text(T.Get(c, "approvals.waitingFor", string.Join(", ", v.ApproverNames)), subtle: true)
        .Refresh(RefreshVerb, Id(v), v.RefreshTeamsIds)
        .Build();

    /// <summary>An approver's view: a comment and the two decisions.</summary>
    public static JsonObject ForApprover(CultureInfo c, ApprovalView v, string? comment = null, string? error = null)
    {
        var card = Details(c, v).Text(T.Get(c, "approvals.yourTurn"));
        var input = Inputs.MultiLine(c, "comment", T.Get(c, "approvals.comment"), comment, maxLength: Limits.Reason);
        card.Add(input);
        if (error is not null) card.Add(Inputs.Error(error));
        return card
            .Execute(T.Get(c, "approvals.approve"), "approval.decide", Id(v, ("decision", nameof(Decision.Approve))), style: "positive")
            .Execute(T.Get(c, "approvals.reject"), "approval.decide", Id(v, ("decision", nameof(Decision.Reject))), style: "destructive")
            .Refresh(RefreshVerb, Id(v), v.RefreshTeamsIds)
            .Build();
    }

    /// <summary>The requester's view while pending: they may take it back.</summary>
    public static JsonObject ForRequester(CultureInfo c, ApprovalView v) => Details(c, v)
        .Text(T.Get(c, "approvals.waitingFor", string.Join(", ", v.ApproverNames)), subtle: true)
        .Execute(T.Get(c, "approvals.cancel"), "approval.cancel", Id(v), withInputs: false)
        .Refresh(RefreshVerb, Id(v), v.RefreshTeamsIds)
        .Build();

    /// <summary>After the decision, every copy becomes this: the outcome, who and when; nothing left to press.</summary>
    public static JsonObject Decided(CultureInfo c, ApprovalView v, string? notice = null)
    {
        var card = Details(c, v);
        if (notice is not null) card.Warning(notice);
        var a = v.Request;
        if (a.Payload.ChangedMeanwhile)
            card.Warning(T.Get(c, a.Kind == ApprovalKind.VisitPlan ? "approvals.planChangedMeanwhile" : "approvals.changedMeanwhile"));
        if (a.DecidedAt is { } at)
            card.Text(T.Get(c, "approvals.decided", CustomerText.Of(c, a.Status), v.DeciderName ?? "?", CustomerText.Time(at, v.Zone)));
        if (a.Comment is { } comment) card.Text(T.Get(c, "approvals.commentIs", comment));
        return card.Build();
    }

    /// <summary>A click that changes nothing: forged, not one's own to decide, or about a request that is gone.</summary>
    public static JsonObject Refused(CultureInfo c, string message) => Card.Create()
        .Warning(message)
        .Build();

    static Card Details(CultureInfo c, ApprovalView v)
    {
        var a = v.Request;
        var card = Card.Create()
            .Title(T.Get(c, "approvals.title", CustomerText.Of(c, a.Kind), a.SubjectName))
            .Facts([
                SubjectFact(c, a),
                (T.Get(c, "approvals.requestedBy"), v.RequesterName),
                (T.Get(c, "approvals.approvers"), string.Join(", ", v.ApproverNames)),
                (T.Get(c, "approvals.filedAt"), CustomerText.Time(a.CreatedAt, v.Zone)),
                (T.Get(c, "approvals.status"), CustomerText.Of(c, a.Status)),
            ]);
        card.Facts((a.Payload.Changes ?? []).Select(ch =>
            (CustomerText.Field(c, ch.Field), $"{CustomerText.FieldValue(c, ch.Field, ch.Old)} → {CustomerText.FieldValue(c, ch.Field, ch.New)}")));
        if (a.Payload.GrantDays is { } days) card.Facts([(T.Get(c, "approvals.grantFor"), T.Get(c, "approvals.days", days))]);
        if (a.Payload.Escalation is { } up)
            card.Facts([(T.Get(c, "approvals.escalation"), $"{CustomerText.Of(c, up.Kind)} · {VisitText.Day(c, up.Day)}")]);
        if (a.Payload.Reason is { } reason) card.Facts([(T.Get(c, "approvals.reason"), reason)]);
        if (v.Plan is { } plan)
        {
            card.Heading(T.Get(c, "approvals.planItems", plan.Items.Count));
            card.Facts(plan.Items.OrderBy(i => i.Day).ThenBy(i => i.Time).Select(i =>
                (PlanText.When(c, i), $"{i.CustomerName} · {VisitText.Of(c, i.Purpose)}" + (i.Contact is { Length: > 0 } who ? $" · {who}" : ""))));
        }
        return card;
    }

    /// <summary>What the request is about, as its kind names it: a file's number, a plan's week, the targets' month.</summary>
    static (string, string) SubjectFact(CultureInfo c, Approval a) => a.Kind switch
    {
        ApprovalKind.VisitPlan => (T.Get(c, "approvals.week"), a.Subject),
        ApprovalKind.TargetChange => (T.Get(c, "approvals.month"), TargetEffects.MonthOf(a.Subject)?.ToString() ?? a.Subject),
        _ => (T.Get(c, "approvals.subject"), a.Subject),
    };

    static JsonObject Id(ApprovalView v, params (string Key, string Value)[] more)
    {
        var data = new JsonObject { ["id"] = v.Request.Id };
        foreach (var (key, value) in more) data[key] = value;
        return data;
    }
}
