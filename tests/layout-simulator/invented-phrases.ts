/**
 * Phrase banks for invented documents, written for these tests (no sentence is taken from the corpus).
 * All in the parser's normal form. Topics give a note and the sentence it annotates something in common
 * (a name, a title, a year and month) when the generator wants them to share wording.
 */

export const CLAUSES = [
  "流域治理的制度安排经历了漫长的演变过程",
  "地方政府与流域机构之间的协调始终是难点",
  "水资源分配规则需要兼顾上下游的不同利益",
  "研究者对治理模式的评价并不完全一致",
  "近年来的实践表明跨区域合作可以降低成本",
  "监测数据的公开程度直接影响公众参与的质量",
  "技术标准的统一为信息共享奠定了基础",
  "不同层级的决策者对风险的认知存在差异",
  "社区组织在基层治理中发挥了积极作用",
  "制度创新往往来自对具体问题的持续回应",
  "财政投入的稳定性决定了项目能否长期运行",
  "评估体系的完善有助于及时纠正政策偏差",
  "港口城市的数据中心建设速度明显加快",
  "气候适应规划逐步进入地方议程",
  "海底光缆的维护需要多国共同承担",
  "标准组织内部的表决程序日益透明",
  "农村地区的宽带覆盖仍然参差不齐",
  "专家委员会的意见并未完全被采纳",
];

/** Clauses carrying Latin words, abbreviations or a URL, in normal form. */
export const LATIN_CLAUSES = [
  "互联网名称与数字地址分配机构（ICANN）的改革仍在讨论之中",
  "Internet Governance Forum的年度会议吸引了众多参与者",
  "相关数据可在http://www.example.org/data/2021-05/report.htm查阅",
  "所谓open data运动在各国的进展并不相同",
  "世界银行的World Development Report多次讨论这一问题",
  "该框架借鉴了Cross-Border Privacy Rules的若干做法",
];

export const QUOTED_TERMS = ["四项原则", "共同治理", "数字红利", "分层协调", "双轨机制", "开放共享", "流域共同体"];

export interface Topic {
  name: string;
  title: string;
  publisher: string;
  site: string;
  year: number;
  month: number;
  day: number;
}

export const NAMES = ["林卫东", "周若溪", "高明远", "沈一帆", "陆思齐", "韩晓岚", "方致远", "唐可为"];
export const BOOK_TITLES = ["流域治理的比较研究", "数字时代的公共规则", "跨境数据流动的制度设计", "海洋空间的秩序", "标准竞争与合作", "基层协商的实践逻辑"];
export const PUBLISHERS = ["东方学术出版社", "海岸大学出版社", "山川书局", "知行出版社"];
export const SITES = [
  { name: "新华网", url: (y: number, m: number, d: number, id: number) => `http://www.xinhuanet.com/politics/${y}-${pad(m)}/${pad(d)}/c_${1122700000 + id}.htm` },
  { name: "中国政府网", url: (y: number, m: number, _d: number, id: number) => `http://www.gov.cn/xinwen/${y}-${pad(m)}/content_${5700000 + id}.htm` },
  { name: "人民网", url: (y: number, m: number, d: number, id: number) => `http://world.people.com.cn/n1/${y}/${pad(m)}${pad(d)}/c1002-${31400000 + id}.html` },
  { name: "示例研究院网站", url: (y: number, m: number, _d: number, id: number) => `https://www.example-institute.org/publications/${y}/${pad(m)}/brief_${id}.pdf` },
];
export const JOURNALS = ["区域治理评论", "国际问题论坛", "公共政策学刊", "信息社会研究"];
export const ENGLISH_AUTHORS = ["Joseph Nye", "Laura DeNardis", "Milton Mueller", "Anne Carter", "Peter Walsh"];
export const ENGLISH_TITLES = [
  "The Regime Complex for Managing Global Cyber Activities",
  "Protocol Politics and the Public Interest",
  "Networks and States Revisited",
  "Rules for Shared Infrastructure",
];
export const ENGLISH_SERIES = ["Global Commission on Internet Governance Paper Series", "Policy Brief Series", "Working Paper Series"];
export const COMMENTS = [
  "即流域内各级机构共同参与的协商机制",
  "即由上下游地区分别承担的治理成本",
  "即在国际场合首次系统提出的主张",
  "此处的统计口径与前文相同",
  "笔者在调研中也观察到类似现象",
];

export const HEADING_TEXTS = [
  "制度的起源",
  "模式的比较",
  "经验与启示",
  "问题与展望",
  "方法的反思",
  "结论与讨论",
  "数据与方法",
  "核心概念的界定",
  "治理主体的变化",
  "地方实践的差异",
  "国际合作的路径",
  "规则体系的完善",
  "历史背景与问题的提出",
  "分析框架",
  "案例选择与资料来源",
  "主要发现",
  "制度约束的来源",
  "协调机制的运行",
  "技术因素的影响",
  "外部环境的变化",
  "政策建议",
  "研究局限",
  "理论意义",
  "余论",
];

export const TITLES = ["流域治理的制度演变：比较与启示", "数字空间的规则竞争与合作", "跨境数据治理的中国方案"];

export function pad(n: number): string {
  return String(n).padStart(2, "0");
}
