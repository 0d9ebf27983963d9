using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// The Save button of a visit report, pressed by Li Na and Tom in turn on their own customers: each press a new
/// report (its own submission id), half of them with a next action (so a follow-up is stored too), in both
/// languages, answered in the invoke response (the form becomes the report; no connector call).
/// </summary>
public sealed class SaveVisitRequests : PhaseRequests
{
    static readonly DemoPerson[] Reps = [Demo.LiNa, Demo.TomBecker];

    public static SaveVisitRequests Build(Uri serviceUrl, IReadOnlyDictionary<string, string[]> customersByRep, DateOnly today, int count)
    {
        var bodies = new byte[count][];
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            var rep = Reps[i % Reps.Length];
            var customers = customersByRep[rep.AadObjectId];
            var data = new JsonObject
            {
                ["submissionId"] = Guid.NewGuid().ToString("D"), ["customerNumber"] = customers[i / Reps.Length % customers.Length],
                ["customerType"] = "Regular", ["purpose"] = i % 3 == 0 ? "Negotiation" : "Demo", ["method"] = "OnSite",
                ["date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["time"] = "09:30", ["contactName"] = "Wang Lei",
                ["notes"] = "Showed the new spindle; they want a second quote for the larger line.",
                ["result"] = i % 4 == 0 ? "NotYet" : "Successful", ["reason"] = i % 4 == 0 ? "Price" : "",
                ["nextAction"] = i % 2 == 0 ? "Send the revised quote" : "",
                ["nextActionDate"] = i % 2 == 0 ? today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
            };
            var activity = Activities.CardAction(serviceUrl, rep, "visit.save", data, i % 2 == 0 ? "zh-CN" : "en-US");
            ids[i] = (string)activity["id"]!;
            bodies[i] = Encoding.UTF8.GetBytes(activity.ToJsonString());
        }
        return new SaveVisitRequests { Bodies = bodies, Ids = ids };
    }

    /// <summary>The answer is the invoke response itself: nothing may go through the connector.</summary>
    public override string? Problem(IReadOnlyList<ConnectorCall> calls, IEnumerable<string> answeredIds) =>
        calls.Count == 0 ? null : $"{calls.Count} unexpected connector calls";
}
