namespace TeamsCrm.TestSupport;

/// <summary>The demo organisation of appsettings.json and .m365agentsplayground.yml.</summary>
public static class Demo
{
    public const string TenantId = "7a1c0000-0000-4000-8000-000000000001";
    public const string BotId = "28:7a1c0000-0000-4000-8000-0000000000b0";
    public static readonly DemoPerson LiNa = new("7a1c0000-0000-4000-8000-000000000011", "29:demo-li-na", "Li Na");
    public static readonly DemoPerson TomBecker = new("7a1c0000-0000-4000-8000-000000000012", "29:demo-tom-becker", "Tom Becker");
    public static readonly DemoPerson ZhangWei = new("7a1c0000-0000-4000-8000-000000000021", "29:demo-zhang-wei", "Zhang Wei");
    public static readonly DemoPerson WangFang = new("7a1c0000-0000-4000-8000-000000000031", "29:demo-wang-fang", "Wang Fang");
    public static readonly DemoPerson ChenJie = new("7a1c0000-0000-4000-8000-000000000041", "29:demo-chen-jie", "Chen Jie");
    public static readonly DemoPerson LiuYang = new("7a1c0000-0000-4000-8000-000000000051", "29:demo-liu-yang", "Liu Yang");
    public static readonly DemoPerson Stranger = new("7a1c0000-0000-4000-8000-0000000000ff", "29:stranger", "Sam Stranger");

    public static string PersonalChat(DemoPerson p) => "a:personal-" + p.TeamsId[3..];
    public const string TeamChannel = "19:demo-team-general@thread.tacv2";
    public const string GroupChat = "19:demo-group-chat@thread.v2";
    public const string TeamId = "19:demo-team-general@thread.tacv2";
}

public sealed record DemoPerson(string AadObjectId, string TeamsId, string Name);
