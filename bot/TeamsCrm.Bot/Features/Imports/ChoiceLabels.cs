using System.Collections.Frozen;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Imports;
using HeaderDictionary = TeamsCrm.Bot.Domain.Imports.HeaderDictionary;   // ASP.NET Core has one too (implicit usings)
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// A ledger's words for a choice ("老客户", "Regular", "上门拜访") → the name of the enum value the forms' choice sets send
/// ("Regular", "OnSite"). The bot's own labels in both languages count, and so do the words ledgers commonly use besides.
/// A word that is none of them is passed on as written, so that the form reader refuses it ("Pick one of the options").
/// </summary>
public static class ChoiceLabels
{
    static readonly Dictionary<Type, string[][]> Synonyms = new()
    {
        [typeof(CustomerKind)] = [["企业", "公司", "单位", "法人", "企业客户", "company", "business", "corporate"], ["个人", "个人客户", "自然人", "person", "personal", "private"]],
        [typeof(CustomerCategory)] = [["新", "新开发", "新客户"], ["老", "老客户", "existing", "old"], ["重要", "重点客户", "重点"], ["潜在", "意向客户", "意向", "prospect"]],
        [typeof(CustomerTier)] = [["重要", "重点", "a"], ["特殊", "b"], ["一般", "普通", "normal", "c"]],
        [typeof(ContactRole)] = [["主要", "主要联系人", "首要联系人", "main"], ["次要", "次要联系人", "其他"], ["决策人", "关键决策人", "决策者", "keydecisionmaker"],
            ["影响者", "影响人"], ["内线", "inside"], ["使用者", "用户", "使用人"]],
        [typeof(DevelopmentStage)] = [["1", "阶段1", "确定目标", "初次接触"], ["2", "阶段2", "展示", "信息收集"], ["3", "阶段3", "价值评估", "开发计划"],
            ["4", "阶段4", "建立关系"], ["5", "阶段5", "成交阶段", "谈判"], ["已成交", "成交", "won"], ["已放弃", "放弃", "dropped", "lost"]],
        [typeof(EntryType)] = [["文件", "资料"], ["合同", "签约"], ["订单", "下单"], ["欠款", "应收", "应收款", "debt"], ["还款", "回款", "收款", "付款", "payment", "repayment"],
            ["发货", "出货", "送货", "shipment", "delivery"], ["退货", "退赔", "退款", "return"], ["折价", "折扣", "让价", "discount"], ["投诉", "客诉", "complaint"]],
        [typeof(VisitPurpose)] = [["开发", "开发新客户", "初次拜访"], ["演示", "产品演示", "展示"], ["谈判", "商务谈判", "洽谈"], ["收款", "催款", "回款"],
            ["售后", "售后服务", "服务"], ["客情维护", "维护", "关系维护", "拜访维护"], ["其他", "其它"]],
        [typeof(VisitMethod)] = [["上门", "上门拜访", "现场", "面访", "拜访", "visit", "onsite"], ["电话", "电话拜访", "call"], ["邮件", "电子邮件", "email"],
            ["视频", "视频会议", "video", "online"]],
        [typeof(VisitResult)] = [["成功", "是", "达成", "yes", "success"], ["未成功", "不成功", "失败", "否", "未达成", "no", "notyet", "failed"]],
        [typeof(UnsuccessfulReason)] = [["决策人不在", "决策人缺席"], ["没有预算", "无预算", "预算不足"], ["倾向竞争对手", "竞争对手", "选择竞品"],
            ["时机不对", "时机未到", "时间不合适"], ["价格", "价格太高", "价格高"], ["其他", "其它"]],
    };

    static readonly FrozenDictionary<Type, FrozenDictionary<string, string>> Words = Synonyms.Keys.ToFrozenDictionary(t => t, Build);

    /// <summary>The enum name the ledger's word means, the word as written when it means none, null for an empty cell.</summary>
    public static string? Parse<TEnum>(string? cell) where TEnum : struct, Enum
    {
        if (LedgerValues.Folded(cell) is not { } text) return null;
        return Words[typeof(TEnum)].GetValueOrDefault(HeaderDictionary.Normalize(text)) ?? text;
    }

    /// <summary>"集团", "战略", "集团、战略" → the manager's key-account classes; the computed ones (优质, 高值) are the archive's to work out.</summary>
    public static KeyAccountClasses KeyAccount(string? cell)
    {
        var text = LedgerValues.Folded(cell)?.ToLowerInvariant() ?? "";
        var classes = KeyAccountClasses.None;
        if (text.Contains("集团", StringComparison.Ordinal) || text.Contains("group", StringComparison.Ordinal)) classes |= KeyAccountClasses.Group;
        if (text.Contains("战略", StringComparison.Ordinal) || text.Contains("strategic", StringComparison.Ordinal)) classes |= KeyAccountClasses.Strategic;
        return classes;
    }

    static FrozenDictionary<string, string> Build(Type type)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = Enum.GetNames(type);
        var synonyms = Synonyms[type];
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            foreach (var word in new[] { name, Label(type, name, T.English), Label(type, name, T.Chinese) }.Concat(i < synonyms.Length ? synonyms[i] : []))
                if (word is not null) words.TryAdd(HeaderDictionary.Normalize(word), name);
        }
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The bot's own label, when it has one ("CustomerCategory.Regular" → "老客户").</summary>
    static string? Label(Type type, string name, System.Globalization.CultureInfo c)
    {
        try { return T.Get(c, $"{type.Name}.{name}"); }
        catch (KeyNotFoundException) { return null; }
    }
}
