using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Requests;

/// <summary>
/// The forms that ask a manager for something about a customer file: access to another rep's file (档案的查阅),
/// and a visit escalation. Each carries a submission id: the same form sent twice files one request.
/// </summary>
public static class RequestCards
{
    /// <summary>Grant lengths offered; the default is <see cref="ApprovalRules.DefaultGrantDays"/>.</summary>
    public static readonly IReadOnlyList<int> GrantDays = [1, 3, ApprovalRules.DefaultGrantDays, 14, 30, ApprovalRules.MaxGrantDays];

    /// <summary>Only what the redacted view shows: the name and the file's number.</summary>
    public static JsonObject Access(CultureInfo c, string number, string name, FormState state, string submission)
    {
        var card = Card.Create().Title(T.Get(c, "requests.access.title", name)).Text(number, subtle: true);
        var fields = new FormFields(card, c, state).Banner();
        card.Text(T.Get(c, "requests.access.intro"), subtle: true);
        fields.Choice("days", T.Get(c, "requests.access.days"),
                GrantDays.Select(d => (T.Get(c, d == 1 ? "requests.oneDay" : "requests.days", d), d.ToString(CultureInfo.InvariantCulture))), required: true)
            .MultiLine("reason", T.Get(c, "requests.access.reason"), required: true, maxLength: Limits.Reason);
        return card
            .Execute(T.Get(c, "requests.send"), "request.access.send", Data(number, submission))
            .Build();
    }

    public static JsonObject Escalation(CultureInfo c, string number, string name, FormState state, string submission)
    {
        var card = Card.Create().Title(T.Get(c, "requests.escalate.title", name)).Text(number, subtle: true);
        var fields = new FormFields(card, c, state).Banner();
        card.Text(T.Get(c, "requests.escalate.intro"), subtle: true);
        fields.Choice("kind", T.Get(c, "requests.escalate.kind"), CustomerText.Choices<EscalationKind>(c), required: true)
            .Date("day", T.Get(c, "requests.escalate.day"), required: true)
            .MultiLine("reason", T.Get(c, "requests.escalate.reason"), required: true, maxLength: Limits.Reason);
        return card
            .Execute(T.Get(c, "requests.send"), "request.escalate.send", Data(number, submission))
            .Execute(T.Get(c, "edit.cancel"), "customer.open", new JsonObject { ["number"] = number }, withInputs: false)
            .Build();
    }

    /// <summary>What became of the form: the request went to these people, or why it did not.</summary>
    public static JsonObject Sent(CultureInfo c, string title, string message) => Card.Create()
        .Title(title)
        .Text(message)
        .Build();

    static JsonObject Data(string number, string submission) => new() { ["number"] = number, ["submissionId"] = submission };
}
