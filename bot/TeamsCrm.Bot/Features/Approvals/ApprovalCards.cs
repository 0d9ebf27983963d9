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
/// The request's card in each of its views. An approver's 1:1 chat gets <see cref="ForApprover"/>; a shared conversation
/// (an approvals channel) gets <see cref="Summary"/>, which shows nothing its least-privileged reader may not see. Every
/// pending copy carries a refresh for the approvers and the requester: Teams then shows each of them their own view
/// (the details with the buttons, or Cancel) wherever they see it; everyone else keeps the copy as posted.
/// </summary>
public static class ApprovalCards
{
    public const string RefreshVerb = "approval.refresh";

    /// <summary>
    /// The request's summary and status, for a shared conversation and for anyone who is neither its requester nor one of
    /// its approvers: kind, subject, requester, approvers, filed, status and — once decided — the outcome, who and when.
    /// No before → after values, reason, comment, plan items or escalation. <paramref name="notice"/>: why the reader sees
    /// only this (an approver who no longer may decide).
    /// </summary>
    public static JsonObject Summary(CultureInfo c, ApprovalView v, string? notice = null)
    {
        var card = Headline(c, v);
        if (notice is not null) card.Warning(notice);
        if (v.Request.IsPending)
            return card.Text(T.Get(c, "approvals.waitingFor", string.Join(", ", v.ApproverNames)), subtle: true)
                .Refresh(RefreshVerb, Id(v), v.RefreshTeamsIds)
                .Build();
        return Outcome(c, v, card).Build();
    }

    /// <summary>An approver's view: a comment and the two decisions; <paramref name="notice"/> above them (the reminder: by when).</summary>
    public static JsonObject ForApprover(CultureInfo c, ApprovalView v, string? comment = null, string? error = null, string? notice = null)
    {
        var card = Details(c, v);
        if (notice is not null) card.Warning(notice);
        card.Text(T.Get(c, "approvals.yourTurn"));
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

    /// <summary>
    /// After the decision, every private copy becomes this (a shared one the decided <see cref="Summary"/>): the details,
    /// the outcome, who and when, and the comment; nothing left to press.
    /// </summary>
    public static JsonObject Decided(CultureInfo c, ApprovalView v, string? notice = null)
    {
        var card = Details(c, v);
        if (notice is not null) card.Warning(notice);
        Outcome(c, v, card);
        if (v.Request.Comment is { } comment) card.Text(T.Get(c, "approvals.commentIs", comment));
        return card.Build();
    }

    /// <summary>Approved, rejected or cancelled, by whom and when; an approval that could not apply says so (it names no value).</summary>
    static Card Outcome(CultureInfo c, ApprovalView v, Card card)
    {
        var a = v.Request;
        if (a.Payload.ChangedMeanwhile)
            card.Warning(T.Get(c, a.Kind == ApprovalKind.VisitPlan ? "approvals.planChangedMeanwhile" : "approvals.changedMeanwhile"));
        if (a.DecidedAt is { } at)
            card.Text(T.Get(c, "approvals.decided", CustomerText.Of(c, a.Status), v.DeciderName ?? "?", CustomerText.Time(at, v.Zone)));
        return card;
    }

    /// <summary>A click that changes nothing: forged, not one's own to decide, or about a request that is gone.</summary>
    public static JsonObject Refused(CultureInfo c, string message) => Card.Create()
        .Warning(message)
        .Build();

    /// <summary>
    /// The sales manager's Reassign on a waiting request: whom to give it to instead (<paramref name="candidates"/>: name, id),
    /// added to whichever view they see.
    /// </summary>
    public static JsonObject WithReassign(CultureInfo c, JsonObject card, ApprovalView v, IReadOnlyList<(string Name, string Id)> candidates)
    {
        if (candidates.Count == 0) return card;
        var body = (JsonArray)card["body"]!;
        body.Add(Inputs.Choice(c, "reassignTo", T.Get(c, "approvals.reassignTo"), candidates.Select(p => (p.Name, p.Id))));
        var actions = card["actions"] as JsonArray ?? (JsonArray)(card["actions"] = new JsonArray());
        actions.Add(Card.Create().Execute(T.Get(c, "approvals.reassign"), ReassignVerb, Id(v)).Build()["actions"]![0]!.DeepClone());
        return card;
    }

    public const string ReassignVerb = "approval.reassign";

    /// <summary>
    /// What every view shows: the request's kind and subject, who filed it when, who decides, its status; while it waits, its
    /// age and deadline; and every move it made (escalated, on behalf of, reassigned).
    /// </summary>
    static Card Headline(CultureInfo c, ApprovalView v)
    {
        var a = v.Request;
        var facts = new List<(string, string)>
        {
            SubjectFact(c, a),
            (T.Get(c, "approvals.requestedBy"), v.RequesterName),
            (T.Get(c, "approvals.approvers"), string.Join(", ", v.ApproverNames)),
            (T.Get(c, "approvals.filedAt"), CustomerText.Time(a.CreatedAt, v.Zone)),
            (T.Get(c, "approvals.status"), CustomerText.Of(c, a.Status)),
        };
        if (a.IsPending && v.Now is { } now)
        {
            facts.Add((T.Get(c, "approvals.age"), Age(c, now - a.CreatedAt)));
            if (a.Routing.DueAt is { } due)
                facts.Add((T.Get(c, "approvals.due"), CustomerText.Time(due, v.Zone) + (now >= due ? " · " + T.Get(c, "approvals.overdue") : "")));
        }
        var card = Card.Create().Title(T.Get(c, "approvals.title", CustomerText.Of(c, a.Kind), a.SubjectName)).Facts(facts);
        foreach (var step in a.Routing.Moves)
            card.Text(Move(c, step, v), subtle: true);
        return card;
    }

    /// <summary>One move in words: "Escalated to Wang Fang on 2026-11-30 17:00: no decision by the deadline."</summary>
    public static string Move(CultureInfo c, ApprovalMove step, ApprovalView v)
    {
        var to = string.Join(", ", step.To.Select(v.NameOf));
        var from = string.Join(", ", step.From.Select(v.NameOf));
        return step.Kind switch
        {
            MoveKind.Escalated when step.To.Count == 0 => T.Get(c, "approvals.moved.nobodyAbove", CustomerText.Time(step.At, v.Zone)),
            MoveKind.Escalated => T.Get(c, "approvals.moved.escalated", to, CustomerText.Time(step.At, v.Zone)),
            MoveKind.Away => T.Get(c, "approvals.moved.away", to, CustomerText.Time(step.At, v.Zone), from),
            MoveKind.Delegated => T.Get(c, "approvals.moved.delegated", to, from),
            _ => T.Get(c, "approvals.moved.reassigned", to, from, step.By is { } by ? v.NameOf(by) : "?", CustomerText.Time(step.At, v.Zone)),
        };
    }

    /// <summary>How long it has waited: "45 min", "5 h", "2 d 3 h".</summary>
    static string Age(CultureInfo c, TimeSpan age) =>
        age < TimeSpan.FromHours(1) ? T.Get(c, "approvals.ageMinutes", Math.Max(0, (int)age.TotalMinutes))
        : age < TimeSpan.FromDays(1) ? T.Get(c, "approvals.ageHours", (int)age.TotalHours)
        : T.Get(c, "approvals.ageDays", (int)age.TotalDays, age.Hours);

    /// <summary>The headline and what the request asks: before → after per field, the days, the escalation, the reason, the plan.</summary>
    static Card Details(CultureInfo c, ApprovalView v)
    {
        var a = v.Request;
        var card = Headline(c, v);
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
            PlanActionCards.Facts(card, c, plan);
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
