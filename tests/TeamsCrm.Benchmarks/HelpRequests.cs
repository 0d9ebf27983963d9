using System.Text;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// The bodies one phase posts: `help` from each demo person in turn (so several users and personal
/// conversations are recorded), half of them in Chinese so both cultures' cards are built. Serialised
/// before the phase starts, so the clock measures the bot rather than the client building JSON.
/// </summary>
public sealed class HelpRequests : PhaseRequests
{
    static readonly (DemoPerson Who, string Locale)[] Senders =
    [
        (Demo.LiNa, "zh-CN"), (Demo.TomBecker, "en-US"), (Demo.ZhangWei, "zh-CN"),
        (Demo.WangFang, "en-US"), (Demo.ChenJie, "zh-CN"), (Demo.LiuYang, "en-US"),
    ];

    /// <summary>The fake connector must see exactly one reply to each answered activity.</summary>
    public override string? Problem(IReadOnlyList<ConnectorCall> calls, IEnumerable<string> answeredIds) => ReplyCheck.Problem(calls, answeredIds);

    public static HelpRequests Build(Uri serviceUrl, int count)
    {
        var bodies = new byte[count][];
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            var (who, locale) = Senders[i % Senders.Length];
            var activity = Activities.Message(serviceUrl, who, "help", locale);   // a fresh id each time (NextId)
            ids[i] = (string)activity["id"]!;
            bodies[i] = Encoding.UTF8.GetBytes(activity.ToJsonString());
        }
        return new HelpRequests { Bodies = bodies, Ids = ids };
    }
}
