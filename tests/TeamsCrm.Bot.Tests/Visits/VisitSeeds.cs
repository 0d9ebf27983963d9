using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>Customers, visits and the card data the visit transcripts use.</summary>
public static class VisitSeeds
{
    /// <summary>Wednesday 18 November 2026, 16:00 in Shanghai (week 47: Monday 16 to Sunday 22).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 8, 0, 0, TimeSpan.Zero);

    public static Task<TestBot> StartBotAsync(DateTimeOffset? now = null) => TestBot.StartAsync(now: now ?? Now);

    /// <summary>Li Na's Chinese customer with 王磊 (purchasing) and 赵敏 on file.</summary>
    public static async Task<Customer> HuaweiAsync(ICustomerFiles files, string name = "华为技术有限公司", DemoPerson? owner = null)
    {
        var created = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, name, (owner ?? Demo.LiNa).AadObjectId,
            Category: CustomerCategory.Important,
            Contacts: [new NewContact("王磊", "采购经理", "138 0000 1234", null, ContactRole.Primary), new NewContact("赵敏", "总工程师", null, null, ContactRole.DecisionMaker)]),
            Guid.NewGuid().ToString("D"));
        return await files.UpdateAsync(created with { Status = CustomerStatus.Active }, []);
    }

    public static async Task<Customer> ActiveAsync(ICustomerFiles files, string name, DemoPerson owner, CustomerCategory category = CustomerCategory.Regular)
    {
        var created = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, name, owner.AadObjectId, Category: category), Guid.NewGuid().ToString("D"));
        return await files.UpdateAsync(created with { Status = CustomerStatus.Active }, []);
    }

    /// <summary>A visit report filled in well: negotiation, not yet because of the price, next action on Friday.</summary>
    public static JsonObject Report(string number, string submissionId, bool chinese = false) => new()
    {
        ["submissionId"] = submissionId, ["customerNumber"] = number, ["customerType"] = "Important", ["purpose"] = "Negotiation", ["method"] = "OnSite",
        ["date"] = "2026-11-18", ["time"] = "10:30", ["contact"] = chinese ? "王磊" : "Wang Lei", ["contactName"] = "", ["contactInfo"] = "",
        ["addContact"] = "false",
        ["notes"] = chinese ? "谈了第二条数控线的价格。" : "Discussed the price of the second CNC line.",
        ["problems"] = chinese ? "要求降价 5%，需与总监确认。" : "They want 5 % off; to be cleared with the director.",
        ["receivable"] = "", ["received"] = "", ["result"] = "NotYet", ["reason"] = "Price", ["reasonNote"] = "",
        ["nextAction"] = chinese ? "发修改后的报价" : "Send the revised quote", ["nextActionDate"] = "2026-11-20",
    };

    /// <summary>A report straight into the archive (for reports and plans): at the given Shanghai time.</summary>
    public static Visit Visit(Customer customer, string localTime, DemoPerson? rep = null, VisitResult result = VisitResult.Successful,
        UnsuccessfulReason? reason = null, string? nextAction = null) => new()
    {
        Id = Guid.NewGuid().ToString("D"), SubmissionId = Guid.NewGuid().ToString("D"), CustomerNumber = customer.Number, CustomerName = customer.Name,
        RepAadObjectId = (rep ?? Demo.LiNa).AadObjectId, CustomerType = customer.Category, Purpose = VisitPurpose.Demo, Method = VisitMethod.OnSite,
        Time = DateTimeOffset.Parse(localTime + "+08:00", System.Globalization.CultureInfo.InvariantCulture), TimeZoneId = "Asia/Shanghai",
        ContactPerson = "Wang Lei", Notes = "Showed the new spindle.", Result = result, Reason = reason,
        NextAction = nextAction, NextActionDate = nextAction is null ? null : new DateOnly(2026, 11, 25), CreatedAt = Now,
    };
}
