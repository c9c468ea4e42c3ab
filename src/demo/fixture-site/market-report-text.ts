/**
 * Hand-written paragraphs for the demo's daily market reports (a staple of Vietnamese business
 * pages). Each report picks its comment and outlook from these pools, so no two reports repeat.
 */

/** Comments on the coffee market, one per report of Thời báo Kinh tế Việt. */
export const COFFEE_COMMENTS = [
  'Theo các đại lý thu mua ở phường Buôn Ma Thuột, lượng hàng nông dân mang bán trong những ngày gần đây khá ít. Nhiều hộ đã bán phần lớn sản lượng từ đầu vụ, số còn lại giữ trong kho để chờ giá cao hơn.',
  'Một số doanh nghiệp xuất khẩu cho biết khách hàng châu Âu đang hỏi mua nhiều hơn các lô cà phê có chứng nhận bền vững và bản đồ vùng trồng, sẵn sàng trả thêm vài trăm đô la mỗi tấn cho hàng đáp ứng quy định chống phá rừng.',
  'Giới kinh doanh nhận định giá đang chịu áp lực từ dự báo vụ mùa bội thu ở Brazil, trong khi nhu cầu của các nhà rang xay lớn chưa có dấu hiệu tăng mạnh. Các quỹ đầu cơ thu hẹp vị thế mua trên cả hai sàn.',
  'Tại các kho ngoại quan, lượng cà phê robusta được chứng nhận tiếp tục giảm xuống mức thấp nhất trong nhiều tháng, hỗ trợ giá kỳ hạn. Chênh lệch giữa giá trong nước và giá xuất khẩu vì thế được nới rộng.',
  'Chi phí vận tải biển từ Việt Nam đi châu Âu tăng trở lại do một số hãng tàu điều chỉnh lịch trình. Doanh nghiệp xuất khẩu buộc phải tính thêm chi phí này khi chào giá cho các hợp đồng giao hàng trong quý tới.',
  "Nhiều hộ trồng cà phê ở xã Ea Tul, xã Cư M'gar đã dùng tiền bán cà phê giá cao để đầu tư hệ thống tưới tiết kiệm và tái canh vườn già cỗi. Cán bộ khuyến nông đánh giá đây là xu hướng tích cực sau nhiều năm vườn cây xuống cấp.",
  'Đồng đô la Mỹ mạnh lên so với đồng real của Brazil khiến nông dân nước này đẩy mạnh bán ra, tạo sức ép lên giá arabica. Giá robusta diễn biến theo cùng chiều nhưng biên độ hẹp hơn.',
  'Các nhà rang xay trong nước cho biết giá nguyên liệu cao khiến họ phải điều chỉnh giá bán lẻ cà phê rang xay lần thứ hai trong năm. Một số quán cà phê nhỏ chuyển sang phối trộn thêm arabica Cầu Đất để giữ giá.',
  'Số liệu hải quan cho thấy lượng cà phê xuất khẩu của cả nước trong tháng giảm về khối lượng nhưng tăng mạnh về giá trị. Đức, Ý, Tây Ban Nha và Nhật Bản vẫn là những thị trường tiêu thụ lớn nhất của cà phê Việt Nam.',
  'Thời tiết khô nóng kéo dài ở Tây Nguyên khiến nông dân phải tưới sớm hơn mọi năm, chi phí điện và nhân công tăng. Các chuyên gia lưu ý tình trạng thiếu nước có thể ảnh hưởng đến quá trình ra hoa, đậu quả của vụ tới.',
  'Theo Hiệp hội Cà phê Buôn Ma Thuột, số nhà vườn tham gia chương trình truy xuất nguồn gốc số hóa đã tăng gấp đôi. Hiệp hội khuyến nghị các hộ nhỏ liên kết với hợp tác xã để giảm chi phí chứng nhận.',
  'Giới phân tích cho rằng biến động mạnh của giá cà phê trong năm qua là bài học về quản trị rủi ro. Những doanh nghiệp sử dụng công cụ phòng ngừa trên sàn giao dịch đã hạn chế được thua lỗ khi giá đảo chiều.',
  'Lượng cà phê đặc sản của Đắk Lắk được giới thiệu tại các hội chợ quốc tế tăng lên, nhiều lô đạt điểm thử nếm cao. Dù sản lượng còn nhỏ, phân khúc này giúp nâng hình ảnh cà phê Buôn Ma Thuột trên thị trường thế giới.',
  'Một số thương lái cho biết tình trạng trộn tạp chất, tưới nước vào cà phê nhân để tăng trọng lượng đã giảm hẳn nhờ các doanh nghiệp kiểm tra chặt độ ẩm và áp dụng mức giá riêng cho hàng đạt chuẩn.',
  'Các ngân hàng trên địa bàn cho biết nhu cầu vay vốn thu mua cà phê tăng mạnh do giá cao, doanh nghiệp cần nhiều vốn lưu động hơn cho cùng một khối lượng hàng. Một số đơn vị đã phải thu hẹp quy mô thu mua.',
] as const

/** Outlooks that close a coffee report. */
export const COFFEE_OUTLOOKS = [
  'Các chuyên gia khuyến nghị nông dân bán rải rác theo nhu cầu tài chính, tránh giữ hàng quá lâu vì chi phí bảo quản và rủi ro giá đảo chiều.',
  'Trong ngắn hạn, thị trường được dự báo tiếp tục dao động trong biên độ hẹp khi các nhà đầu tư chờ báo cáo tồn kho mới.',
  'Doanh nghiệp được khuyến cáo theo dõi sát diễn biến tỷ giá và chi phí logistics trước khi ký các hợp đồng giao hàng kỳ hạn xa.',
  'Nhiều ý kiến cho rằng giá khó giảm sâu trong thời gian tới vì nguồn cung robusta toàn cầu vẫn eo hẹp.',
  'Ngành nông nghiệp tỉnh khuyến cáo người dân không chặt bỏ cây trồng xen khi giá cà phê cao, để duy trì sự đa dạng thu nhập lâu dài.',
  'Giới thương mại đánh giá nhu cầu sẽ tăng trở lại khi các nhà rang xay bắt đầu mua hàng cho mùa tiêu thụ cuối năm.',
] as const

/** Comments for the pepper and durian reports of Báo Tây Nguyên Mới. */
export const FARM_COMMENTS = [
  'Tại các vựa thu mua ở xã Krông Pắc, sầu riêng loại đẹp được các kho đóng gói tranh mua, trong khi hàng xô, trái nhỏ bị ép giá. Chủ vựa cho biết xe container đi cửa khẩu phía Bắc chạy đều mỗi ngày.',
  "Hồ tiêu được thu mua chủ yếu bởi các doanh nghiệp xuất khẩu sang Trung Đông và châu Âu. Một số hộ ở xã Cư M'gar cho biết thương lái đến tận nhà hỏi mua, nhưng họ vẫn muốn giữ lại một phần để chờ giá.",
  'Mưa kéo dài ở một số địa phương khiến sầu riêng bị sượng, cháy múi, các kho đóng gói phải kiểm tra kỹ hơn. Nhà vườn được khuyến cáo không cắt trái non để chạy giá.',
  'Hợp tác xã nông nghiệp ở xã Ea Kly vừa ký hợp đồng bán tiêu sạch với một doanh nghiệp Hà Lan, giá cao hơn thị trường khoảng mười phần trăm. Thành viên phải tuân thủ quy trình canh tác hữu cơ và ghi chép đầy đủ.',
  'Một số kho cấp đông sầu riêng ở Khu công nghiệp Hòa Phú chạy hết công suất để chế biến múi sầu riêng đông lạnh, giúp giảm áp lực tiêu thụ trái tươi khi vào chính vụ.',
  'Theo các doanh nghiệp, nhu cầu hồ tiêu của thị trường Mỹ tăng trở lại sau một thời gian chững lại. Tuy nhiên, yêu cầu về dư lượng thuốc bảo vệ thực vật ngày càng khắt khe, đòi hỏi nông dân thay đổi cách chăm sóc.',
  'Nhiều nhà vườn đã chuyển sang bán sầu riêng qua hợp tác xã để được kiểm tra chất lượng và hưởng giá ổn định theo hợp đồng, thay vì bán cho thương lái theo giá từng ngày.',
  'Các trạm khuyến nông khuyến cáo nông dân bón phân cân đối, tỉa cành sau thu hoạch để cây tiêu, cây sầu riêng phục hồi, chuẩn bị cho vụ sau.',
  'Giá phân bón giảm nhẹ so với đầu năm giúp người trồng tiêu, sầu riêng giảm bớt chi phí đầu vào. Các đại lý vật tư nông nghiệp cho biết sức mua tăng rõ.',
  'Tại xã Ea Kly, nhiều hộ đã lắp camera và cảm biến độ ẩm đất cho vườn sầu riêng, theo dõi qua điện thoại. Cán bộ khuyến nông cho biết cách làm này giúp tiết kiệm nước tưới đáng kể trong mùa khô.',
  'Một số thương lái cho biết xe chở sầu riêng phải chờ thông quan ở cửa khẩu lâu hơn thường lệ, khiến giá thu mua tại vườn chững lại. Các kho đóng gói đang tìm thêm đường vận chuyển bằng tàu biển qua cảng phía Nam.',
  'Hội Nông dân tỉnh đã tổ chức các lớp tập huấn về ghi nhật ký canh tác và sử dụng thuốc bảo vệ thực vật đúng liều lượng cho hàng trăm hộ trồng tiêu, sầu riêng ở các xã phía đông.',
  'Giá thuê nhân công cắt sầu riêng tăng mạnh vào chính vụ, có nơi lên tới năm trăm nghìn đồng mỗi ngày. Nhiều nhà vườn phải đặt lịch với các tổ thợ từ sớm để kịp thu hoạch đúng độ chín.',
  'Một doanh nghiệp chế biến ở phường Buôn Ma Thuột vừa ra mắt sản phẩm tiêu xanh ngâm và tiêu đỏ sấy lạnh, giúp nông dân bán được giá cao hơn so với tiêu đen thông thường.',
  'Tình trạng mua bán sầu riêng non, tẩm hóa chất để trái chín nhanh đã được chính quyền các xã cảnh báo. Lực lượng quản lý thị trường tăng cường kiểm tra các điểm thu mua trên quốc lộ.',
  'Nhiều hộ trồng tiêu lâu năm bắt đầu thay trụ bê tông bằng trụ sống như keo dậu, muồng đen để giảm chi phí và tạo bóng mát, giúp vườn tiêu chống chịu tốt hơn khi nắng nóng kéo dài.',
] as const

/** Comments for the English commodity wire of Asia Pacific Wire. */
export const WIRE_COMMENTS = [
  'Traders in Ho Chi Minh City said farmers in the Central Highlands were holding back beans in expectation of higher prices, limiting the flow of robusta to exporters.',
  'Dealers said demand from European roasters was steady but cautious, with many buyers covering only their nearby needs.',
  'Indonesian robusta was offered at a discount to Vietnamese beans for the first time in several weeks, according to traders in Jakarta.',
  'Certified robusta stocks in exchange warehouses fell again, supporting nearby futures contracts.',
  "In Dak Lak, Vietnam's biggest coffee-growing province, exporters said they were spending more on mapping farms to meet the European Union's deforestation rules.",
  'Weather in the Central Highlands was mostly dry, and farmers began irrigating earlier than usual.',
  'Brazilian farmers stepped up sales as the real weakened against the dollar, weighing on arabica prices.',
  "Freight rates from Vietnamese ports to northern Europe rose for a second week, adding to exporters' costs.",
  'Vietnamese customs data showed coffee export volumes down from a year earlier but export earnings sharply higher.',
  'Pepper prices in Vietnam were little changed, while durian exports from the Central Highlands continued to rise.',
  'Exporters in Buon Ma Thuot said they were receiving more enquiries from buyers in the Middle East and North Africa, where demand for robusta used in instant coffee has grown.',
  'Several Vietnamese trading houses said they had tightened moisture checks at collection points after complaints from buyers about mould in some recent shipments.',
  'Indian robusta was quoted at a premium as buyers sought alternatives for nearby shipment, traders in Bangalore said.',
  'Dealers in Dak Lak said the number of farmers selling on credit to local collectors had fallen as prices rose, reducing the risk of disputes over delayed payments.',
  "The Vietnamese dong was steady against the dollar, leaving exporters' local-currency margins little changed on the day.",
  'Roasters in Japan and South Korea were reported to be booking more specialty lots from the Central Highlands, though volumes remain small compared with commercial grades.',
  'Analysts said fund selling on the London exchange had slowed after a run of losses, and that open interest was stable.',
  "Rain in parts of the Central Highlands helped coffee trees recover from dry weather, growers said, easing concerns about the next crop's flowering.",
] as const

/** Closing lines of the wire reports, rotated. */
export const WIRE_DISCLAIMERS = [
  'Prices are indicative and based on end-of-day quotes from traders, exporters and exchanges. Local prices in Vietnam can differ by grade, moisture content and district, and are not investment advice.',
  'Farm-gate prices were collected by telephone from dealers in Buon Ma Thuot and surrounding communes before the close of business; quality premiums and discounts may apply. Figures are for information only.',
  'Asia Pacific Wire compiles this daily summary from exchange settlement data and from quotes supplied by trading companies in Singapore, Ho Chi Minh City and the Central Highlands. It does not constitute trading advice.',
] as const
