export { MaintainersPicker } from './MaintainersPicker';
export { maintainersPickerField } from './maintainersPickerField';
