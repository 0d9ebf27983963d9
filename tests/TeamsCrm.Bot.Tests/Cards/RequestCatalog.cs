using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Features.Requests;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The request forms of <see cref="CardCatalog"/>: fresh, refused with every typed value kept, and the answer after sending.</summary>
public static class RequestCatalog
{
    const string Submission = "c1111111-1111-4111-8111-111111111111";

    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var l = c.Name;
        var longText = new string('长', Limits.Reason);
        yield return ($"request.access.{l}", "RequestCards.Access", RequestCards.Access(c, "C-2026-00042", "Huadong Precision", FormState.Fresh(("days", "7")), Submission));
        yield return ($"request.access.refused.{l}", "RequestCards.Access", RequestCards.Access(c, "C-2026-00042", "Huadong Precision",
            FormState.Of([new("days", "30"), new("reason", longText)], new Dictionary<string, string> { ["reason"] = "!", ["days"] = "!" }), Submission));
        yield return ($"request.escalate.{l}", "RequestCards.Escalation", RequestCards.Escalation(c, "C-2026-00042", "Huadong Precision", FormState.Fresh(), Submission));
        yield return ($"request.escalate.refused.{l}", "RequestCards.Escalation", RequestCards.Escalation(c, "C-2026-00042", "Huadong Precision",
            FormState.Of([new("kind", "InviteCustomer"), new("day", "2026-11-01"), new("reason", longText)],
                new Dictionary<string, string> { ["day"] = TeamsCrm.Bot.Cards.T.Get(c, "requests.escalate.past") }), Submission));
        yield return ($"request.sent.{l}", "RequestCards.Sent", RequestCards.Sent(c, "Huadong Precision", TeamsCrm.Bot.Cards.T.Get(c, "requests.sent", "Wang Fang, Chen Jie")));
    }
}
