/**
 * Vietnamese test texts for dedupe (tests and bench only). Written for the project: the events,
 * figures and the official named are invented; the style is that of a provincial press release and of
 * the provincial paper's own reporting.
 */

const RELEASE_TITLE = 'Quảng Trị thu hút 12 dự án đầu tư mới với tổng vốn hơn 8.500 tỷ đồng trong quý I'

const RELEASE_LEAD =
  'Sáng 8/4, UBND tỉnh Quảng Trị tổ chức họp báo thông tin về tình hình kinh tế - xã hội quý I và kết quả thu hút đầu tư trên địa bàn tỉnh.'

const RELEASE_BODY = `Phó Chủ tịch UBND tỉnh Hoàng Văn Nam chủ trì buổi họp báo, với sự tham dự của lãnh đạo các sở, ngành và đại diện hơn 30 cơ quan báo chí trung ương, địa phương.

Theo báo cáo của Sở Kế hoạch và Đầu tư, trong quý I, tỉnh đã cấp quyết định chủ trương đầu tư cho 12 dự án mới với tổng vốn đăng ký hơn 8.500 tỷ đồng, tăng gần 40% so với cùng kỳ năm trước. Trong đó, có 3 dự án năng lượng tái tạo tại các huyện Hướng Hóa và Đakrông, 4 dự án sản xuất công nghiệp tại Khu công nghiệp Quán Ngang và Khu kinh tế Đông Nam, 2 dự án du lịch nghỉ dưỡng ven biển Cửa Việt, Cửa Tùng và 3 dự án nông nghiệp ứng dụng công nghệ cao.

Đáng chú ý, dự án nhà máy sản xuất linh kiện điện tử của một nhà đầu tư Hàn Quốc có tổng vốn khoảng 2.100 tỷ đồng, dự kiến tạo việc làm cho hơn 1.500 lao động địa phương khi đi vào hoạt động.

Phó Chủ tịch UBND tỉnh cho biết, kết quả trên có được nhờ tỉnh đã tập trung cải thiện môi trường đầu tư kinh doanh, đẩy mạnh cải cách thủ tục hành chính và chuyển đổi số. Thời gian giải quyết thủ tục cấp chủ trương đầu tư đã được rút ngắn từ 35 ngày xuống còn 20 ngày làm việc.

Tại buổi họp báo, đại diện các cơ quan báo chí đã đặt nhiều câu hỏi về công tác bồi thường, tái định cư, vấn đề bảo vệ môi trường tại các dự án điện gió và kế hoạch phát triển nguồn nhân lực cho khu kinh tế. Lãnh đạo các sở, ngành đã trả lời cụ thể, làm rõ các nội dung được dư luận quan tâm.

Phát biểu kết luận, Phó Chủ tịch UBND tỉnh đề nghị các cơ quan báo chí tiếp tục đồng hành, thông tin kịp thời, chính xác về các chủ trương, chính sách của tỉnh, góp phần quảng bá hình ảnh Quảng Trị năng động, thân thiện đến với bạn bè trong nước và quốc tế.`

const article = (title: string, lead: string, body: string) => `${title}\n\n${lead} ${body}`

/** The provincial press release as the province's portal published it (title, lead, body). */
export const PRESS_RELEASE = article(RELEASE_TITLE, RELEASE_LEAD, RELEASE_BODY)

/** Words changed in the "few words changed" reprint: [original, replacement]. */
const WORD_EDITS: [string, string][] = [
  ['tăng gần 40%', 'tăng khoảng 40%'],
  ['hơn 30 cơ quan', 'gần 30 cơ quan'],
  ['khi đi vào hoạt động', 'khi đi vào vận hành'],
  ['được rút ngắn từ 35 ngày', 'được giảm từ 35 ngày'],
  ['làm rõ các nội dung', 'giải đáp các nội dung'],
  ['năng động, thân thiện', 'năng động, hiếu khách'],
]

const withWordEdits = (text: string) => WORD_EDITS.reduce((t, [from, to]) => t.replace(from, to), text)

/** The same release reprinted by other outlets, each with one kind of edit. */
export const REPRINTS = {
  newTitleAndLead: article(
    'Quý I, Quảng Trị cấp chủ trương đầu tư cho 12 dự án mới',
    'Ngày 8/4, tại trụ sở UBND tỉnh, lãnh đạo tỉnh Quảng Trị đã chủ trì cuộc họp báo định kỳ để cung cấp thông tin về kinh tế - xã hội ba tháng đầu năm và công tác thu hút đầu tư.',
    RELEASE_BODY,
  ),
  sourceLineAppended: `${PRESS_RELEASE}\n\nTheo TTXVN`,
  fewWordsChanged: withWordEdits(PRESS_RELEASE),
} as const

/** All three edits at once: new title and lead, words changed, source line appended. */
export const REPRINT_ALL_EDITS = `${withWordEdits(REPRINTS.newTitleAndLead)}\n\nTheo TTXVN`

/** Three different articles on the same topic (investment in the province) by the provincial paper. */
export const SAME_TOPIC_ARTICLES = {
  licences: article(
    'Quảng Trị trao quyết định chủ trương đầu tư cho 5 dự án tại Khu kinh tế Đông Nam',
    'Chiều 15/4, tại thành phố Đông Hà, UBND tỉnh Quảng Trị tổ chức lễ trao quyết định chủ trương đầu tư cho 5 dự án tại Khu kinh tế Đông Nam với tổng vốn đăng ký khoảng 3.200 tỷ đồng.',
    `Chủ tịch UBND tỉnh dự và trao quyết định cho các nhà đầu tư.

Các dự án được trao quyết định lần này gồm nhà máy chế biến gỗ xuất khẩu, nhà máy sản xuất bao bì, kho bãi logistics gắn với cảng Mỹ Thủy, nhà máy sản xuất phân bón hữu cơ và khu nhà ở cho công nhân. Khi hoàn thành, các dự án dự kiến đóng góp cho ngân sách hàng trăm tỷ đồng mỗi năm và thu hút khoảng 2.000 lao động.

Phát biểu tại buổi lễ, Chủ tịch UBND tỉnh chúc mừng các nhà đầu tư đã tin tưởng lựa chọn Quảng Trị, đồng thời yêu cầu Ban Quản lý Khu kinh tế tỉnh phối hợp với chính quyền địa phương bàn giao mặt bằng sạch đúng cam kết. Tỉnh luôn đồng hành, lắng nghe và hỗ trợ doanh nghiệp trong suốt quá trình triển khai dự án, theo phương châm "doanh nghiệp thành công thì tỉnh phát triển".

Đại diện các nhà đầu tư cam kết triển khai dự án đúng tiến độ, tuân thủ các quy định về bảo vệ môi trường, ưu tiên tuyển dụng lao động tại chỗ. Một doanh nghiệp chế biến gỗ cho biết sẽ khởi công nhà máy ngay trong tháng 6 và đưa dây chuyền đầu tiên vào sản xuất trước cuối năm.

Khu kinh tế Đông Nam Quảng Trị có diện tích hơn 23.000 ha, được quy hoạch trở thành trung tâm công nghiệp, năng lượng và dịch vụ cảng biển của khu vực Bắc Trung Bộ. Đến nay, khu kinh tế đã thu hút 35 dự án còn hiệu lực với tổng vốn đăng ký trên 95.000 tỷ đồng.`,
  ),
  japaneseDelegation: article(
    'Lãnh đạo tỉnh Quảng Trị tiếp đoàn doanh nghiệp Nhật Bản tìm hiểu cơ hội đầu tư',
    'Sáng 22/4, Bí thư Tỉnh ủy Quảng Trị đã tiếp đoàn công tác của Hiệp hội Doanh nghiệp Nhật Bản tại miền Trung đến tìm hiểu môi trường và cơ hội đầu tư tại tỉnh.',
    `Tại buổi tiếp, Bí thư Tỉnh ủy đã giới thiệu khái quát về tiềm năng, lợi thế của tỉnh, nằm ở điểm đầu trên Hành lang kinh tế Đông - Tây nối Việt Nam với Lào, Thái Lan và Myanmar. Tỉnh đang ưu tiên thu hút đầu tư vào các lĩnh vực công nghiệp chế biến, chế tạo, năng lượng sạch, logistics và du lịch chất lượng cao, với nhiều chính sách ưu đãi về đất đai, thuế và hỗ trợ đào tạo nghề.

Trưởng đoàn đánh giá cao sự chủ động, cởi mở của lãnh đạo tỉnh và cho biết nhiều doanh nghiệp Nhật Bản quan tâm đến lĩnh vực chế biến nông sản, sản xuất linh kiện và năng lượng hydro xanh. Đoàn đề nghị tỉnh cung cấp thêm thông tin về quỹ đất sạch, hạ tầng điện, nước và nguồn lao động có tay nghề.

Trong chương trình làm việc, đoàn đã khảo sát thực tế cảng biển Mỹ Thủy, Khu công nghiệp Quán Ngang và một số vùng nguyên liệu cà phê, hồ tiêu tại huyện Hướng Hóa. Hai bên thống nhất sẽ phối hợp tổ chức hội thảo giới thiệu môi trường đầu tư Quảng Trị tại Osaka vào cuối năm nay.

Bí thư Tỉnh ủy khẳng định, tỉnh cam kết tạo mọi điều kiện thuận lợi, bảo đảm quyền lợi hợp pháp của nhà đầu tư và giao Sở Kế hoạch và Đầu tư làm đầu mối hỗ trợ các doanh nghiệp Nhật Bản trong quá trình tìm hiểu, lập dự án.`,
  ),
  publicInvestment: article(
    'Quảng Trị đẩy nhanh giải ngân vốn đầu tư công các dự án giao thông trọng điểm',
    'Ngày 2/5, Phó Chủ tịch UBND tỉnh Quảng Trị chủ trì đoàn kiểm tra tiến độ thi công một số dự án giao thông trọng điểm trên địa bàn, trong đó có đường ven biển kết nối hành lang kinh tế Đông - Tây và tuyến tránh phía Đông thành phố Đông Hà.',
    `Theo báo cáo của Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh, tuyến đường ven biển có tổng chiều dài gần 55 km, tổng mức đầu tư hơn 2.000 tỷ đồng. Đến nay, nhà thầu đã hoàn thành khoảng 60% khối lượng, tuy nhiên một số đoạn qua huyện Gio Linh và Triệu Phong vẫn còn vướng mắc về giải phóng mặt bằng do chưa thống nhất được giá bồi thường đất nông nghiệp.

Tại hiện trường, Phó Chủ tịch UBND tỉnh yêu cầu các địa phương tăng cường tuyên truyền, vận động người dân đồng thuận bàn giao mặt bằng, đồng thời khẩn trương hoàn thiện các khu tái định cư. Nhà thầu phải huy động thêm máy móc, nhân lực, tổ chức thi công ba ca bốn kíp, tranh thủ thời tiết thuận lợi trước mùa mưa bão.

Phó Chủ tịch nhấn mạnh, giải ngân vốn đầu tư công là nhiệm vụ chính trị quan trọng, góp phần thúc đẩy tăng trưởng kinh tế. Những đơn vị chậm tiến độ, giải ngân thấp sẽ bị điều chuyển vốn sang các dự án có khả năng hấp thụ tốt hơn; người đứng đầu phải chịu trách nhiệm trước UBND tỉnh.

Năm nay, tổng kế hoạch vốn đầu tư công của tỉnh là hơn 5.600 tỷ đồng. Tỉnh phấn đấu giải ngân đạt trên 95% kế hoạch vốn được giao trước ngày 31/1 năm sau.`,
  ),
} as const
