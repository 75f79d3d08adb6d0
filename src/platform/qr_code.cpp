// mamori/platform/qr_code.cpp
#include "platform/qr_code.hpp"

#include <qrencode.h>

#include <memory>

namespace mamori::platform {

Result<QrModules> EncodeQr(const std::string &text) {
	// Version 0: the smallest that holds the text.
	std::unique_ptr<QRcode, void (*)(QRcode *)> code(
	    QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
	if (!code) {
		return Error::Make(ErrorCode::kInternal, "app_two_step.qr_failed");
	}
	QrModules modules;
	modules.size = code->width;
	modules.dark.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
	for (size_t i = 0; i < modules.dark.size(); ++i) {
		modules.dark[i] = (code->data[i] & 0x01) != 0;  // bit 0: dark module (qrencode.h)
	}
	return modules;
}

} // namespace mamori::platform
