/** Before every unit test file: the phone metadata the shared normaliser is handed at run time (see shared/normalize/phone-metadata.ts). */
import '../../shared/normalize/phone-metadata-file.ts';
