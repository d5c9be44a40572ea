/**
 * Word banks for the synthetic corpus, written for it (no sentence is taken from the corpus). Prose is
 * drawn word by word from WORDS, so two essays share a 12-character run only when one quotes what the
 * other does: some 160 two-character words make a 6-word run one of 160^6 ≈ 1.7·10^13, and a chance
 * 8-character (4-word) run one of 6.6·10^8, against the passage index's tens of millions of 8-grams at
 * 1,000 essays (a few chance candidate blocks per essay, as real prose has its stock phrases).
 */
export const WORDS = [...(
  "治理机制合作发展规则秩序安全开放共享协调体系框架路径模式实践经验制度创新改革推进" +
  "完善加强构建深化拓展促进保障维护提升优化整合统筹引导规范监管评估监测标准技术数据" +
  "平台网络信息数字产业经济市场企业社会公众政府部门地方区域国家国际全球多边双边伙伴" +
  "对话协商磋商谈判共识分歧竞争博弈风险挑战机遇趋势格局变革转型进程阶段目标任务举措" +
  "政策法律法规条例战略规划方案倡议主张理念原则立场观点视角维度层面领域议题问题矛盾" +
  "能力水平质量效率效能资源要素基础设施设备系统应用服务环境生态空间边界主体客体责任" +
  "权利义务利益诉求需求供给结构功能作用影响效应成效绩效方向重点难点关键核心前沿基层" +
  "长期短期持续稳定积极主动有效充分全面系统深入广泛密切紧密均衡协同联动互动互信互利"
).match(/../gu)!];

export const CONNECTORS = ["因此", "同时", "此外", "然而", "事实上", "总体而言", "进一步看", "与此相应", "就此而言", "在此基础上"];

export const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
export const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红飞晨宇欣怡然浩博文轩睿哲思源志远海波"];

/** Journals of the field (names as published), for manifests and journal-article notes. */
export const JOURNALS = [
  "国际展望", "现代国际关系", "国际问题研究", "世界经济与政治", "当代世界", "国际论坛", "太平洋学报", "国际安全研究",
  "信息安全与通信保密", "中国信息安全", "国际关系研究", "东北亚论坛", "外交评论", "国际观察", "和平与发展", "当代亚太",
  "欧洲研究", "美国研究", "全球传媒学刊", "公共管理学报",
];
export const PUBLISHERS = ["社会科学文献出版社", "人民出版社", "世界知识出版社", "时事出版社", "中国社会科学出版社", "北京大学出版社", "清华大学出版社", "上海人民出版社"];

/** Hosts a speech or white paper is read on, with the address pattern each gives it (the same work, the same address). */
export const HOSTS = [
  { name: "新华网", url: (y: number, m: number, d: number, id: number) => `http://www.xinhuanet.com/politics/${y}-${pad(m)}/${pad(d)}/c_${1120000000 + id}.htm` },
  { name: "人民网", url: (y: number, m: number, d: number, id: number) => `http://politics.people.com.cn/n1/${y}/${pad(m)}${pad(d)}/c1024-${30000000 + id}.html` },
  { name: "中国政府网", url: (y: number, m: number, _d: number, id: number) => `http://www.gov.cn/xinwen/${y}-${pad(m)}/content_${5000000 + id}.htm` },
  { name: "央视网", url: (y: number, m: number, d: number, id: number) => `http://news.cctv.com/${y}/${pad(m)}/${pad(d)}/ARTI${id}.shtml` },
];

export const EVENTS = ["数字合作论坛", "网络空间治理大会", "数据治理高层对话", "信息社会峰会", "数字经济合作大会", "互联网发展论坛", "科技创新交流会", "全球发展对话会"];
export const EVENT_PARTS = ["开幕式", "主旨演讲会", "全体会议", "闭幕式", "高级别会议"];
export const WHITE_PAPER_TOPICS = ["数字合作", "网络空间治理", "数据安全", "数字经济发展", "信息基础设施建设", "网络空间国际合作", "科技伦理", "数字公共产品"];

export function pad(n: number): string {
  return String(n).padStart(2, "0");
}
